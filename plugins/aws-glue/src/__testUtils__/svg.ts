/** jsdom has no SVG layout; DependencyGraph measures nodes with getBBox. */
export function mockSvgLayout() {
  const original = (window.SVGElement.prototype as any).getBBox;
  beforeAll(() => {
    Object.defineProperty(window.SVGElement.prototype, 'getBBox', {
      value: () => ({ x: 0, y: 0, width: 120, height: 40 }),
      configurable: true,
    });
  });
  afterAll(() => {
    Object.defineProperty(window.SVGElement.prototype, 'getBBox', {
      value: original,
      configurable: true,
    });
  });
}
