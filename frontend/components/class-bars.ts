import { LitElement, css, html } from 'lit';

/**
 * A model's answer as horizontal bars, one per class. The top class, the true class and a target
 * class are each marked by a symbol and a word as well as by colour, so a player sees at a glance
 * whether the classifier is still right or already says what they want (and a colour-blind player
 * sees it too). The host is a list (its role and name come from the server side) and each row a list
 * item that reads label, marks and value. The row element carries the classes `top`, `true` and `target`; its label, bar and
 * value are styled through it.
 *
 * Reactive properties are declared without decorators or field initialisers (see pixel-canvas.ts).
 */
export class ClassBars extends LitElement {
  static properties = {
    labels: { attribute: false },
    values: { attribute: false },
    trueClass: { type: Number, attribute: 'true-class' },
    targetClass: { type: Number, attribute: 'target-class' },
    markers: { attribute: false },
  };

  static styles = css`
    :host {
      display: grid;
      grid-template-columns: minmax(4.5rem, max-content) 1fr 3.5rem;
      align-items: center;
      gap: 0.2rem 0.5rem;
      font-size: var(--lumo-font-size-s, 0.875rem);
      min-width: 14rem;
    }
    .row {
      display: contents;
    }
    .track {
      height: 0.9rem;
      background: var(--lumo-contrast-10pct, #eee);
      border-radius: 3px;
      overflow: hidden;
      box-sizing: border-box;
    }
    .fill {
      height: 100%;
      background: var(--lumo-contrast-50pct, #888);
      transition: width 120ms ease-out;
    }
    .top .fill {
      background: var(--lumo-primary-color, #1676f3);
    }
    .true .track {
      outline: 2px solid var(--lumo-success-color, #1a7f37);
    }
    .target .track {
      outline: 2px dashed var(--lumo-error-color, #c62828);
    }
    .mark {
      font-size: var(--lumo-font-size-xs, 0.75rem);
      margin-left: 0.25rem;
      white-space: nowrap;
    }
    .mark.true-mark {
      color: var(--lumo-success-text-color, #1a7f37);
    }
    .mark.target-mark {
      color: var(--lumo-error-text-color, #c62828);
    }
    .top .label,
    .top .value {
      font-weight: 700;
    }
    .top .label::before {
      content: '▶ ';
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
  /** The words after a marked label: the true class and the target. */
  declare markers: { true: string; target: string };

  constructor() {
    super();
    this.labels = [];
    this.values = [];
    this.trueClass = -1;
    this.targetClass = -1;
    this.markers = { true: 'true', target: 'target' };
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
      const isTrue = i === this.trueClass;
      const isTarget = i === this.targetClass;
      const classes = ['row', i === top ? 'top' : '', isTrue ? 'true' : '', isTarget ? 'target' : '']
        .filter((c) => c).join(' ');
      const percent = Math.max(0, Math.min(100, value * 100));
      return html`
        <div class=${classes} role="listitem" id="row-${i}" data-top=${String(i === top)} data-true=${String(isTrue)}
             data-target=${String(isTarget)}>
          <span class="label" part="label">${this.labels?.[i] ?? String(i)}${isTrue
            ? html`<span class="mark true-mark">✓ ${this.markers.true}</span>` : ''}${isTarget
            ? html`<span class="mark target-mark">◎ ${this.markers.target}</span>` : ''}</span>
          <div class="track" id="bar-${i}" data-value=${value.toFixed(4)} data-top=${String(i === top)}>
            <div class="fill" style="width: ${percent.toFixed(1)}%"></div>
          </div>
          <span class="value">${percent.toFixed(1)}%</span>
        </div>
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
