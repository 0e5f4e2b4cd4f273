import { LitElement, css, html } from 'lit';

type Palette = 'gray' | 'signed' | 'heat';

/**
 * A small square image drawn from numbers, shown large with sharp pixels: a digit (gray, values in
 * [0, 1]), a perturbation (signed: red where ink was added, blue where it was removed, scaled by the
 * largest change or by `scale`), or a saliency map (heat, values in [0, 1]).
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
      const t = Math.min(1, Math.abs(value) / largest);
      const strong = Math.round(255 * t);
      return value >= 0 ? [strong, Math.round(40 * t), Math.round(40 * t)] : [Math.round(40 * t), Math.round(90 * t), strong];
    }
    const t = Math.min(1, Math.max(0, value));
    if (this.palette === 'heat') {
      // black → red → yellow → white
      return [Math.round(255 * Math.min(1, 3 * t)), Math.round(255 * Math.min(1, Math.max(0, 3 * t - 1))),
        Math.round(255 * Math.max(0, 3 * t - 2))];
    }
    const gray = Math.round(255 * t);
    return [gray, gray, gray];
  }
}

customElements.define('pixel-image', PixelImage);

declare global {
  interface HTMLElementTagNameMap {
    'pixel-image': PixelImage;
  }
}
