import { LitElement, css, html } from 'lit';

type Palette = 'gray' | 'signed' | 'heat';

/**
 * A small square image drawn from numbers, shown large with sharp pixels: a digit (gray, values in
 * [0, 1]), a perturbation (signed: orange where ink was added, blue where it was removed, scaled by the
 * largest change or by `scale`), or a saliency map (heat, values in [0, 1], in viridis). Both colour
 * scales are colour-blind-safe, and every image carries its meaning in its label as well.
 */
export class PixelImage extends LitElement {
  static properties = {
    pixels: { attribute: false },
    palette: { type: String },
    scale: { type: Number },
    label: { type: String },
  };

  static styles = css`
    :host {
      display: inline-block;
      --pixel-image-size: 112px;
    }
    canvas {
      width: var(--pixel-image-size);
      height: var(--pixel-image-size);
      image-rendering: pixelated;
      background: #000;
      border-radius: var(--lumo-border-radius-s, 4px);
      display: block;
    }
  `;

  declare pixels: number[];
  declare palette: Palette;
  declare scale: number;
  declare label: string;

  constructor() {
    super();
    this.pixels = [];
    this.palette = 'gray';
    this.scale = 0;
    this.label = '';
  }

  render() {
    const side = Math.max(1, Math.round(Math.sqrt(this.pixels?.length ?? 0)));
    return html`<canvas width=${side} height=${side} role="img" aria-label=${this.label}></canvas>`;
  }

  updated() {
    const canvas = this.renderRoot.querySelector('canvas');
    const context = canvas?.getContext('2d');
    const values = this.pixels ?? [];
    if (!canvas || !context || values.length === 0) {
      return;
    }
    const image = context.createImageData(canvas.width, canvas.height);
    const largest = this.scale > 0 ? this.scale : Math.max(1e-6, ...values.map((v) => Math.abs(v)));
    values.forEach((value, i) => {
      const [r, g, b] = this.colour(value, largest);
      image.data.set([r, g, b, 255], i * 4);
    });
    context.putImageData(image, 0, 0);
  }

  private colour(value: number, largest: number): [number, number, number] {
    if (this.palette === 'signed') {
      // Orange where ink was added, sky blue where it was removed (Okabe–Ito): apart for every common colour vision.
      const t = Math.min(1, Math.abs(value) / largest);
      const [r, g, b] = value >= 0 ? SIGNED_ADD : SIGNED_REMOVE;
      return [Math.round(r * t), Math.round(g * t), Math.round(b * t)];
    }
    const t = Math.min(1, Math.max(0, value));
    if (this.palette === 'heat') {
      return viridis(t);
    }
    const gray = Math.round(255 * t);
    return [gray, gray, gray];
  }
}

const SIGNED_ADD: [number, number, number] = [230, 159, 0];
const SIGNED_REMOVE: [number, number, number] = [86, 180, 233];

/**
 * Viridis (van der Walt and Smith, matplotlib) at nine stops: its lightness rises steadily from dark
 * purple to yellow, so a map reads the same in grey and to colour-blind eyes.
 */
const VIRIDIS: [number, number, number][] = [
  [68, 1, 84], [71, 45, 123], [59, 82, 139], [44, 114, 142], [33, 145, 140],
  [40, 174, 128], [94, 201, 98], [173, 220, 48], [253, 231, 37],
];

function viridis(t: number): [number, number, number] {
  const at = t * (VIRIDIS.length - 1);
  const low = Math.min(VIRIDIS.length - 2, Math.floor(at));
  const f = at - low;
  const [a, b] = [VIRIDIS[low], VIRIDIS[low + 1]];
  return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * f)) as [number, number, number];
}

customElements.define('pixel-image', PixelImage);

declare global {
  interface HTMLElementTagNameMap {
    'pixel-image': PixelImage;
  }
}
