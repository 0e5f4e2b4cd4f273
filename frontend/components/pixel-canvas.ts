import { LitElement, css, html } from 'lit';

const SIDE = 28;
const COUNT = SIDE * SIDE;
const UNDO_LIMIT = 50;
/** While a stroke goes on, the server hears about it at most this often; the stroke's end is always sent. */
const REPORT_INTERVAL_MS = 60;

export interface PixelCanvasLabels {
  brush: string;
  eraser: string;
  size: string;
  intensity: string;
  undo: string;
  clear: string;
  canvas: string;
  /** How to draw by keyboard, read by a screen reader when the canvas takes the focus. */
  keys: string;
  /** Where the keyboard cursor is: {0} its row and {1} its column, counted from 1; {2} its ink in percent. */
  cursor: string;
}

const DEFAULT_LABELS: PixelCanvasLabels = {
  brush: 'Brush',
  eraser: 'Eraser',
  size: 'Size',
  intensity: 'Intensity',
  undo: 'Undo',
  clear: 'Clear',
  canvas: 'Drawing canvas, 28 by 28 pixels',
  keys: 'Arrow keys move the cursor (with Shift: 4 pixels), Space or Enter uses the brush or the eraser there, + adds ink, - removes ink, Ctrl+Z undoes.',
  cursor: 'Row {0}, column {1}, ink {2}%',
};

/** Images are stored as 8-bit grey levels: every pixel the canvas holds is one of them, as on the server. */
const GREY_LEVELS = 255;
/** Pixels on different grey levels differ by at least 1/255; anything closer is the same level. */
const UNCHANGED = 0.5 / GREY_LEVELS;

/** How much ink + and - add or remove on the cursor's pixel: 16 grey levels, fine enough for small budgets. */
const KEY_STEP = 16 / GREY_LEVELS;
/** How far Shift+arrow moves the cursor. */
const KEY_JUMP = 4;

/**
 * The overlay's colours, those of pixel-image's signed palette: orange where positive, sky blue where
 * negative (Okabe–Ito colours, told apart with any of the common colour-vision deficiencies).
 */
const OVERLAY_ADD: [number, number, number] = [230, 159, 0];
const OVERLAY_REMOVE: [number, number, number] = [86, 180, 233];

/**
 * A 28×28 grayscale drawing surface shown large, white ink on black as in MNIST. Pointer events give
 * mouse, touch and pen one code path (pen pressure scales the intensity). After each stroke, and
 * throttled while it lasts, the full 784-value image goes to the server in an `image-change` event;
 * the server can show an image with `setImage`. Each report carries a sequence number (`reportSeq`),
 * so a page can tell which report an answer belongs to.
 *
 * Games can limit edits with `setLimits`: each pixel stays within its own [lower, upper] range, and
 * at most `maxChanged` pixels may differ from the base image (the brush skips further pixels). The
 * server re-checks both, since a browser can be made to send anything. An optional signed overlay
 * (`setOverlay`, values in [-1, 1]) tints pixels orange where it is positive and blue where it is
 * negative, as the comparison's heat maps do (e.g. where adding or removing ink helps); the tint is
 * partly transparent, so the digit stays readable beneath it.
 *
 * The canvas works by keyboard too (WCAG 2.1.1): when editable it takes the focus and shows a
 * one-pixel cursor, moved with the arrow keys; Space or Enter applies the brush or eraser there, + and
 * - add or remove a little ink on that pixel, Ctrl+Z undoes. Each key edit is reported like a stroke,
 * and a polite live region says where the cursor is and how much ink its pixel holds.
 *
 * Reactive properties are declared without decorators or field initialisers: whatever the build's
 * class-field semantics, a field would otherwise shadow Lit's accessors and nothing would update.
 */
export class PixelCanvas extends LitElement {
  static properties = {
    brushSize: { type: Number, attribute: 'brush-size' },
    intensity: { type: Number },
    erasing: { type: Boolean, reflect: true },
    readonly: { type: Boolean, reflect: true },
    labels: { attribute: false },
    undoDepth: { state: true },
    changedCount: { state: true },
    cursor: { state: true },
    cursorText: { state: true },
  };

  static styles = css`
    :host {
      display: inline-flex;
      flex-direction: column;
      gap: var(--lumo-space-s, 0.5rem);
      --pixel-canvas-size: 336px;
    }
    .surface {
      position: relative;
      width: var(--pixel-canvas-size);
      height: var(--pixel-canvas-size);
    }
    canvas:focus-visible {
      outline: 3px solid var(--lumo-primary-color, #1676f3);
      outline-offset: 2px;
    }
    /* The keyboard cursor: yellow with a black rim, visible on black ink, white ink and the tints. */
    .cursor {
      display: none;
      position: absolute;
      box-sizing: border-box;
      width: calc(100% / 28);
      height: calc(100% / 28);
      border: 2px solid #ffd500;
      outline: 1px solid #000;
      pointer-events: none;
    }
    canvas:focus-visible + .cursor {
      display: block;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    canvas {
      display: block;
      width: var(--pixel-canvas-size);
      height: var(--pixel-canvas-size);
      image-rendering: pixelated;
      background: #000;
      border-radius: var(--lumo-border-radius-m, 6px);
      touch-action: none;
      cursor: crosshair;
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--lumo-space-s, 0.5rem);
      max-width: var(--pixel-canvas-size);
    }
    /* Without this, display:flex above wins over the hidden attribute and a finished round stays editable. */
    .tools[hidden] {
      display: none;
    }
    label {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      font-size: var(--lumo-font-size-s, 0.875rem);
    }
    input[type='range'] {
      width: 5.5rem;
    }
    button {
      font: inherit;
      font-size: var(--lumo-font-size-s, 0.875rem);
      padding: 0.25rem 0.6rem;
      border-radius: var(--lumo-border-radius-m, 6px);
      border: 1px solid var(--lumo-contrast-30pct, #aaa);
      background: var(--lumo-base-color, #fff);
      color: var(--lumo-body-text-color, #222);
      cursor: pointer;
    }
    /* A finger needs a bigger target than a mouse pointer; a page may ask for it on any screen. */
    @media (pointer: coarse) {
      :host {
        --pixel-canvas-tap-size: 44px;
      }
    }
    button {
      min-height: var(--pixel-canvas-tap-size, 0);
      min-width: var(--pixel-canvas-tap-size, 0);
    }
    input[type='range'] {
      min-height: var(--pixel-canvas-tap-size, 0);
    }
    button[aria-pressed='true'] {
      background: var(--lumo-primary-color, #1676f3);
      color: var(--lumo-primary-contrast-color, #fff);
      border-color: transparent;
    }
    button:disabled {
      opacity: 0.5;
      cursor: default;
    }
  `;

  /** Brush radius in image pixels. */
  declare brushSize: number;
  /** Ink added by the brush, in [0, 1]. */
  declare intensity: number;
  declare erasing: boolean;
  declare readonly: boolean;
  declare labels: PixelCanvasLabels;
  declare private undoDepth: number;
  /** Pixels that differ from the base image (0 without limits). */
  declare changedCount: number;
  /** The keyboard cursor's pixel, row by row. */
  declare cursor: number;
  /** What the live region last said about the cursor. */
  declare private cursorText: string;
  /** How many reports were sent so far; each report's detail carries its number as `seq`. */
  reportSeq: number;

  private base: Float32Array | null;
  private lower: Float32Array | null;
  private upper: Float32Array | null;
  private maxChanged: number;
  private overlay: Float32Array | null;
  /** Where reports are kept in session storage, if anywhere (see keepIn). */
  private storageKey: string | null;
  /** Whether pixels changed since the last report: a stroke's end is sent only if something is new. */
  private dirty: boolean;

  private pixels: Float32Array;
  private undoStack: Float32Array[];
  private lastPoint: { x: number; y: number } | null;
  private activePointer: number | null;
  private lastReport: number;
  private pendingReport: number | null;

  constructor() {
    super();
    this.brushSize = 1.5;
    this.intensity = 1;
    this.erasing = false;
    this.readonly = false;
    this.labels = DEFAULT_LABELS;
    this.undoDepth = 0;
    this.pixels = new Float32Array(COUNT);
    this.undoStack = [];
    this.lastPoint = null;
    this.activePointer = null;
    this.lastReport = 0;
    this.pendingReport = null;
    this.changedCount = 0;
    this.reportSeq = 0;
    this.base = null;
    this.lower = null;
    this.upper = null;
    this.maxChanged = 0;
    this.overlay = null;
    this.storageKey = null;
    this.dirty = false;
    this.cursor = (SIDE / 2) * SIDE + SIDE / 2;
    this.cursorText = '';
  }

  private get canvas(): HTMLCanvasElement | null {
    return this.renderRoot?.querySelector('canvas') ?? null;
  }

  /** Shows an image of 784 values in [0, 1] without reporting it back; clears the undo history and what was kept. */
  setImage(values: number[]) {
    if (!Array.isArray(values) || values.length !== COUNT) {
      throw new Error(`pixel-canvas: an image has ${COUNT} values`);
    }
    this.pixels = Float32Array.from(values, (v) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0));
    if (this.storageKey) {
      // The server replaced the image (a reset, the machine's answer): what was kept no longer applies.
      window.sessionStorage.removeItem(this.storageKey);
    }
    this.undoStack = [];
    this.undoDepth = 0;
    this.countChanged();
    this.paint();
  }

  /**
   * Bounds edits: every pixel stays in [lower[i], upper[i]], and at most `maxChanged` pixels (0: any
   * number) may differ from `base`. Clear then restores the base image instead of blanking.
   */
  setLimits(base: number[], lower: number[], upper: number[], maxChanged: number) {
    for (const values of [base, lower, upper]) {
      if (!Array.isArray(values) || values.length !== COUNT) {
        throw new Error(`pixel-canvas: limits have ${COUNT} values each`);
      }
    }
    this.base = Float32Array.from(base);
    this.lower = Float32Array.from(lower);
    this.upper = Float32Array.from(upper);
    this.maxChanged = Math.max(0, Math.floor(maxChanged));
    this.countChanged();
  }

  clearLimits() {
    this.base = this.lower = this.upper = null;
    this.maxChanged = 0;
    this.countChanged();
  }

  /**
   * Keeps every report in this tab's session storage under `key` (e.g. a challenge's id), and if an
   * image was kept under it before (the page was reloaded), puts it back and reports it, so a reload
   * does not lose unfinished work. An empty key stops keeping. The server re-checks whatever comes back.
   */
  keepIn(key: string) {
    this.storageKey = key ? `pixel-canvas:${key}` : null;
    if (!this.storageKey) {
      return;
    }
    let kept: unknown = null;
    try {
      kept = JSON.parse(window.sessionStorage.getItem(this.storageKey) ?? 'null');
    } catch {
      kept = null;
    }
    if (Array.isArray(kept) && kept.length === COUNT && kept.every((v) => typeof v === 'number' && v >= 0 && v <= 1)) {
      this.remember();
      this.pixels = Float32Array.from(kept as number[], (v) => Math.round(v * GREY_LEVELS) / GREY_LEVELS);
      this.countChanged();
      this.paint();
      this.report();
    }
  }

  /** Tints pixels orange (positive) or blue (negative) by `heat` (784 values in [-1, 1]); an empty array removes it. */
  setOverlay(heat: number[]) {
    this.overlay = Array.isArray(heat) && heat.length === COUNT ? Float32Array.from(heat) : null;
    this.paint();
  }

  /** A copy of the current image as a plain array. */
  getImage(): number[] {
    return Array.from(this.pixels);
  }

  clear() {
    if (this.readonly) {
      return;
    }
    this.remember();
    this.pixels = this.base ? this.base.slice() : new Float32Array(COUNT);
    this.countChanged();
    this.paint();
    this.report();
  }

  undo() {
    if (this.readonly) {
      return;
    }
    const previous = this.undoStack.pop();
    if (!previous) {
      return;
    }
    this.pixels = previous;
    this.undoDepth = this.undoStack.length;
    this.countChanged();
    this.paint();
    this.report();
  }

  render() {
    const l = this.labels ?? DEFAULT_LABELS;
    const row = Math.floor(this.cursor / SIDE);
    const col = this.cursor % SIDE;
    return html`
      <div class="surface">
        <canvas
          id="canvas"
          width=${SIDE}
          height=${SIDE}
          role=${this.readonly ? 'img' : 'application'}
          tabindex=${this.readonly ? '-1' : '0'}
          aria-label=${l.canvas}
          aria-describedby=${this.readonly ? '' : 'keys'}
          @pointerdown=${this.onPointerDown}
          @pointermove=${this.onPointerMove}
          @pointerup=${this.onPointerUp}
          @pointercancel=${this.onPointerUp}
          @lostpointercapture=${this.onPointerUp}
          @keydown=${this.onKeyDown}
        ></canvas>
        <div class="cursor" id="cursor" data-row=${row} data-col=${col}
             style="left: calc(100% * ${col} / 28); top: calc(100% * ${row} / 28)"></div>
        <span class="sr-only" id="keys">${l.keys ?? DEFAULT_LABELS.keys}</span>
        <span class="sr-only" id="cursor-status" role="status" aria-live="polite">${this.cursorText}</span>
      </div>
      <div class="tools" part="tools" ?hidden=${this.readonly}>
        <button id="brush" aria-pressed=${String(!this.erasing)} @click=${() => (this.erasing = false)}>${l.brush}</button>
        <button id="eraser" aria-pressed=${String(this.erasing)} @click=${() => (this.erasing = true)}>${l.eraser}</button>
        ${this.slider('size', l.size, 0.5, 4, 0.5, this.brushSize, (v) => (this.brushSize = v))}
        ${this.slider('intensity', l.intensity, 0.1, 1, 0.1, this.intensity, (v) => (this.intensity = v))}
        <button id="undo" ?disabled=${this.undoDepth === 0} @click=${this.undo}>${l.undo}</button>
        <button id="clear" @click=${this.clear}>${l.clear}</button>
      </div>
    `;
  }

  private slider(id: string, label: string, min: number, max: number, step: number, value: number,
                 onChange: (value: number) => void) {
    return html`<label
      >${label}
      <input
        id=${id}
        type="range"
        min=${min}
        max=${max}
        step=${step}
        .value=${String(value)}
        @input=${(e: Event) => onChange(Number((e.target as HTMLInputElement).value))}
    /></label>`;
  }

  firstUpdated() {
    this.paint();
  }

  private onPointerDown(e: PointerEvent) {
    if (this.readonly || this.activePointer !== null || (e.pointerType === 'mouse' && e.button !== 0)) {
      return;
    }
    e.preventDefault();
    this.activePointer = e.pointerId;
    this.canvas?.setPointerCapture(e.pointerId);
    this.remember();
    const point = this.toImagePoint(e);
    this.stamp(point.x, point.y, this.pressureOf(e));
    this.lastPoint = point;
    this.paint();
    this.reportThrottled();
  }

  private onPointerMove(e: PointerEvent) {
    if (e.pointerId !== this.activePointer || !this.lastPoint) {
      return;
    }
    const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
    for (const sample of events.length ? events : [e]) {
      const point = this.toImagePoint(sample);
      this.line(this.lastPoint, point, this.pressureOf(sample));
      this.lastPoint = point;
    }
    this.paint();
    this.reportThrottled();
  }

  private onPointerUp(e: PointerEvent) {
    if (e.pointerId !== this.activePointer) {
      return;
    }
    this.activePointer = null;
    this.lastPoint = null;
    // A click was already reported on pointer-down; another report would only queue behind it.
    if (this.dirty || this.pendingReport !== null) {
      this.report();
    }
  }

  /** Drawing by keyboard: arrows move the cursor, Space/Enter apply the tool, + and - change the ink, Ctrl+Z undoes. */
  private onKeyDown(e: KeyboardEvent) {
    if (this.readonly) {
      return;
    }
    const jump = e.shiftKey ? KEY_JUMP : 1;
    let row = Math.floor(this.cursor / SIDE);
    let col = this.cursor % SIDE;
    switch (e.key) {
      case 'ArrowUp': row -= jump; break;
      case 'ArrowDown': row += jump; break;
      case 'ArrowLeft': col -= jump; break;
      case 'ArrowRight': col += jump; break;
      case ' ':
      case 'Enter':
        this.keyEdit(() => this.stamp(col + 0.5, row + 0.5, 1));
        break;
      case '+':
      case '=':
        this.keyEdit(() => this.put(this.cursor, Math.min(1, this.pixels[this.cursor] + KEY_STEP)));
        break;
      case '-':
      case '_':
        this.keyEdit(() => this.put(this.cursor, Math.max(0, this.pixels[this.cursor] - KEY_STEP)));
        break;
      case 'z':
      case 'Z':
        if (!(e.ctrlKey || e.metaKey)) {
          return;
        }
        this.undo();
        this.sayCursor();
        break;
      default:
        return;
    }
    // The page must not scroll or submit on these keys while the canvas has the focus.
    e.preventDefault();
    const moved = Math.min(SIDE - 1, Math.max(0, row)) * SIDE + Math.min(SIDE - 1, Math.max(0, col));
    if (moved !== this.cursor) {
      this.cursor = moved;
      this.sayCursor();
    }
  }

  /** One key's edit: undoable, painted and reported like a stroke (throttled; the last one always goes out). */
  private keyEdit(edit: () => void) {
    this.remember();
    edit();
    this.paint();
    this.sayCursor();
    if (this.dirty) {
      this.reportThrottled();
    }
  }

  private sayCursor() {
    const template = this.labels?.cursor ?? DEFAULT_LABELS.cursor;
    const ink = String(Math.round(this.pixels[this.cursor] * 100));
    this.cursorText = template
      .replace('{0}', String(Math.floor(this.cursor / SIDE) + 1))
      .replace('{1}', String((this.cursor % SIDE) + 1))
      .replace('{2}', ink);
  }

  private pressureOf(e: PointerEvent): number {
    // Mice report 0.5 while a button is down; only pens carry a meaningful pressure.
    return e.pointerType === 'pen' && e.pressure > 0 ? e.pressure : 1;
  }

  private toImagePoint(e: PointerEvent) {
    const box = this.canvas!.getBoundingClientRect();
    return {
      x: ((e.clientX - box.left) / box.width) * SIDE,
      y: ((e.clientY - box.top) / box.height) * SIDE,
    };
  }

  private line(from: { x: number; y: number }, to: { x: number; y: number }, pressure: number) {
    const distance = Math.hypot(to.x - from.x, to.y - from.y);
    const steps = Math.max(1, Math.ceil(distance / 0.35));
    for (let i = 1; i <= steps; i++) {
      const t = i / steps;
      this.stamp(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t, pressure);
    }
  }

  /** A round brush with a soft one-pixel rim, so strokes look like the anti-aliased digits of MNIST. */
  private stamp(cx: number, cy: number, pressure: number) {
    const radius = Math.max(0.5, this.brushSize);
    const strength = Math.min(1, Math.max(0, this.intensity * pressure));
    const reach = Math.ceil(radius + 1);
    for (let row = Math.floor(cy) - reach; row <= Math.floor(cy) + reach; row++) {
      for (let col = Math.floor(cx) - reach; col <= Math.floor(cx) + reach; col++) {
        if (row < 0 || row >= SIDE || col < 0 || col >= SIDE) {
          continue;
        }
        const d = Math.hypot(col + 0.5 - cx, row + 0.5 - cy);
        const cover = Math.min(1, Math.max(0, radius + 0.5 - d));
        if (cover <= 0) {
          continue;
        }
        const i = row * SIDE + col;
        const amount = strength * cover;
        const wanted = this.erasing ? Math.min(this.pixels[i], 1 - amount) : Math.max(this.pixels[i], amount);
        this.put(i, wanted);
      }
    }
  }

  /**
   * Sets pixel i within the limits: on the nearest grey level (what the server judges and stores), clamped
   * to its range, skipped if it would exceed the changed-pixel budget.
   */
  private put(i: number, wanted: number) {
    let value = Math.round(wanted * GREY_LEVELS) / GREY_LEVELS;
    if (this.lower && this.upper) {
      value = Math.min(this.upper[i], Math.max(this.lower[i], value));
    }
    if (this.base) {
      const wasChanged = Math.abs(this.pixels[i] - this.base[i]) > UNCHANGED;
      const willChange = Math.abs(value - this.base[i]) > UNCHANGED;
      if (!wasChanged && willChange) {
        if (this.maxChanged > 0 && this.changedCount >= this.maxChanged) {
          return;
        }
        this.changedCount++;
      } else if (wasChanged && !willChange) {
        this.changedCount--;
      }
    }
    if (this.pixels[i] !== value) {
      this.pixels[i] = value;
      this.dirty = true;
    }
  }

  private countChanged() {
    const base = this.base;
    this.changedCount = base ? this.pixels.reduce((n, v, i) => n + (Math.abs(v - base[i]) > UNCHANGED ? 1 : 0), 0) : 0;
  }

  private remember() {
    this.undoStack.push(this.pixels.slice());
    if (this.undoStack.length > UNDO_LIMIT) {
      this.undoStack.shift();
    }
    this.undoDepth = this.undoStack.length;
  }

  private paint() {
    const context = this.canvas?.getContext('2d');
    if (!context) {
      return;
    }
    const image = context.createImageData(SIDE, SIDE);
    for (let i = 0; i < COUNT; i++) {
      const gray = Math.round(this.pixels[i] * 255);
      const heat = this.overlay ? Math.min(1, Math.max(-1, this.overlay[i])) : 0;
      // At most half tint: the grey beneath (the digit) stays visible through the hint.
      const tint = 0.5 * Math.abs(heat);
      const [r, g, b] = heat >= 0 ? OVERLAY_ADD : OVERLAY_REMOVE;
      image.data[i * 4] = Math.round(gray * (1 - tint) + r * tint);
      image.data[i * 4 + 1] = Math.round(gray * (1 - tint) + g * tint);
      image.data[i * 4 + 2] = Math.round(gray * (1 - tint) + b * tint);
      image.data[i * 4 + 3] = 255;
    }
    context.putImageData(image, 0, 0);
  }

  private reportThrottled() {
    const wait = REPORT_INTERVAL_MS - (performance.now() - this.lastReport);
    if (wait <= 0) {
      this.report();
    } else if (this.pendingReport === null) {
      this.pendingReport = window.setTimeout(() => this.report(), wait);
    }
  }

  private report() {
    if (this.pendingReport !== null) {
      window.clearTimeout(this.pendingReport);
      this.pendingReport = null;
    }
    this.lastReport = performance.now();
    this.dirty = false;
    this.reportSeq++;
    // Three decimals keep the message small; the server stores 8-bit values anyway.
    const pixels = Array.from(this.pixels, (v) => Math.round(v * 1000) / 1000);
    if (this.storageKey) {
      try {
        window.sessionStorage.setItem(this.storageKey, JSON.stringify(pixels));
      } catch {
        // Storage full or disabled: a reload then starts from the original, as before.
      }
    }
    this.dispatchEvent(new CustomEvent('image-change', {
      detail: { pixels, seq: this.reportSeq },
      bubbles: true,
      composed: true,
    }));
  }
}

customElements.define('pixel-canvas', PixelCanvas);

declare global {
  interface HTMLElementTagNameMap {
    'pixel-canvas': PixelCanvas;
  }
}
