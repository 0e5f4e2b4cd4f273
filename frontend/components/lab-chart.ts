import { LitElement, html } from 'lit';
import uPlot from 'uplot';

/** One line of a chart: its legend label and colour; `dash` for reference lines. */
interface Series {
  label: string;
  color: string;
  dash?: boolean;
}

/**
 * A small line chart over training steps, drawn by uPlot: the Lab's loss curves, D's mean verdicts
 * against the 0.5 line and the classifier-based FID against its real-vs-real baseline. The server
 * sends the series (labels and colours, already translated) and the data as columns: the steps
 * first, then one column per series, `null` where a series has no value at a step.
 *
 * Rendered in the light DOM so that uPlot's stylesheet (imported by the Java wrapper) applies.
 */
export class LabChart extends LitElement {
  static properties = {
    chartTitle: { type: String, attribute: 'chart-title' },
    xLabel: { type: String, attribute: 'x-label' },
    yLabel: { type: String, attribute: 'y-label' },
    series: { attribute: false },
    data: { attribute: false },
  };

  declare chartTitle: string;
  declare xLabel: string;
  declare yLabel: string;
  declare series: Series[];
  declare data: (number | null)[][];

  private plot?: uPlot;
  private shape = '';

  constructor() {
    super();
    this.chartTitle = '';
    this.xLabel = '';
    this.yLabel = '';
    this.series = [];
    this.data = [[]];
  }

  createRenderRoot() {
    return this;
  }

  render() {
    return html`<div class="lab-chart-plot" role="img" aria-label=${this.chartTitle}></div>`;
  }

  updated() {
    const target = this.querySelector('.lab-chart-plot') as HTMLElement | null;
    if (!target) {
      return;
    }
    const shape = JSON.stringify([this.chartTitle, this.xLabel, this.yLabel, this.series]);
    const data = this.columns();
    if (this.plot && shape === this.shape) {
      this.plot.setData(data);
      return;
    }
    this.plot?.destroy();
    this.shape = shape;
    this.plot = new uPlot(
      {
        title: this.chartTitle,
        width: 340,
        height: 200,
        scales: { x: { time: false } },
        axes: [
          { label: this.xLabel, stroke: '#6b7785', grid: { stroke: '#e3e7ec' }, ticks: { stroke: '#e3e7ec' } },
          { label: this.yLabel, stroke: '#6b7785', grid: { stroke: '#e3e7ec' }, ticks: { stroke: '#e3e7ec' } },
        ],
        series: [
          { label: this.xLabel },
          ...this.series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: s.dash ? 1 : 2,
            dash: s.dash ? [6, 4] : undefined,
            spanGaps: true,
            points: { show: false },
          })),
        ],
      },
      data,
      target,
    );
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.plot?.destroy();
    this.plot = undefined;
    this.shape = '';
  }

  /** The data as uPlot wants it: one column per series after the x column, none missing. */
  private columns(): uPlot.AlignedData {
    const x = (this.data[0] ?? []) as number[];
    const columns: (number | null)[][] = [x];
    for (let i = 0; i < this.series.length; i++) {
      columns.push(this.data[i + 1] ?? x.map(() => null));
    }
    return columns as uPlot.AlignedData;
  }
}

customElements.define('lab-chart', LabChart);

declare global {
  interface HTMLElementTagNameMap {
    'lab-chart': LabChart;
  }
}
