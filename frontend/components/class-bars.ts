import { LitElement, css, html } from 'lit';

/**
 * A model's answer as horizontal bars, one per class, largest first in the reader's eye because the
 * winning bar is emphasised. The true class and a target class can be marked, so a player sees at a
 * glance whether the classifier is still right or already says what they want.
 *
 * Reactive properties are declared without decorators or field initialisers (see pixel-canvas.ts).
 */
export class ClassBars extends LitElement {
  static properties = {
    labels: { attribute: false },
    values: { attribute: false },
    trueClass: { type: Number, attribute: 'true-class' },
    targetClass: { type: Number, attribute: 'target-class' },
  };

  static styles = css`
    :host {
      display: grid;
      grid-template-columns: minmax(4.5rem, max-content) 1fr 3.5rem;
      align-items: center;
      gap: 0.2rem 0.5rem;
      font-size: var(--lumo-font-size-s, 0.875rem);
      min-width: 16rem;
    }
    .track {
      height: 0.9rem;
      background: var(--lumo-contrast-10pct, #eee);
      border-radius: 3px;
      overflow: hidden;
    }
    .fill {
      height: 100%;
      background: var(--lumo-contrast-50pct, #888);
      transition: width 120ms ease-out;
    }
    .top .fill {
      background: var(--lumo-primary-color, #1676f3);
    }
    .true .label::after {
      content: ' ✓';
      color: var(--lumo-success-text-color, #1a7f37);
    }
    .target .label::after {
      content: ' ◎';
      color: var(--lumo-error-text-color, #c62828);
    }
    .top .label,
    .top .value {
      font-weight: 600;
    }
    .value {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
  `;

  declare labels: string[];
  declare values: number[];
  declare trueClass: number;
  declare targetClass: number;

  constructor() {
    super();
    this.labels = [];
    this.values = [];
    this.trueClass = -1;
    this.targetClass = -1;
  }

  render() {
    const values = this.values ?? [];
    let top = -1;
    values.forEach((v, i) => {
      if (top < 0 || v > values[top]) {
        top = i;
      }
    });
    return values.map((value, i) => {
      const classes = [
        'row',
        i === top ? 'top' : '',
        i === this.trueClass ? 'true' : '',
        i === this.targetClass ? 'target' : '',
      ].join(' ');
      const percent = Math.max(0, Math.min(100, value * 100));
      return html`
        <span class="label ${classes}" part="label">${this.labels?.[i] ?? String(i)}</span>
        <div class="track ${classes}" id="bar-${i}" data-value=${value.toFixed(4)} data-top=${String(i === top)}>
          <div class="fill" style="width: ${percent.toFixed(1)}%"></div>
        </div>
        <span class="value ${classes}">${percent.toFixed(1)}%</span>
      `;
    });
  }
}

customElements.define('class-bars', ClassBars);

declare global {
  interface HTMLElementTagNameMap {
    'class-bars': ClassBars;
  }
}
