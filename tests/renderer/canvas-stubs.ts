/**
 * uPlot measures the screen and draws on a canvas; the test DOM does neither. Imported first by the
 * files that render charts, so the stubs exist before uPlot loads.
 */
const noop = () => {};
window.matchMedia ??= ((query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addEventListener: noop,
  removeEventListener: noop,
  addListener: noop,
  removeListener: noop,
  dispatchEvent: () => false,
})) as unknown as typeof window.matchMedia;
const context = new Proxy(
  {
    measureText: (text: string) => ({ width: String(text).length * 6 }),
    createLinearGradient: () => ({ addColorStop: noop }),
    getLineDash: () => [],
  } as Record<string | symbol, unknown>,
  {
    get: (target, prop) => (prop in target ? target[prop] : noop),
    set: (target, prop, value) => {
      target[prop] = value;
      return true;
    },
  },
);
HTMLCanvasElement.prototype.getContext = (() => context) as unknown as HTMLCanvasElement['getContext'];
(globalThis as { Path2D?: unknown }).Path2D ??= class {
  moveTo() {}
  lineTo() {}
  rect() {}
  arc() {}
  closePath() {}
  addPath() {}
  bezierCurveTo() {}
};

export {};
