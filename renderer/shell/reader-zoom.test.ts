import { describe, expect, it } from 'vitest';
import { stepZoom, ZOOM_STEPS } from './reader-zoom';

describe('stepZoom', () => {
  it('steps up and down through the sizes and stops at the ends', () => {
    expect(stepZoom(1, 1)).toBe(1.1);
    expect(stepZoom(1, -1)).toBe(0.9);
    expect(stepZoom(ZOOM_STEPS.at(-1) as number, 1)).toBe(ZOOM_STEPS.at(-1));
    expect(stepZoom(ZOOM_STEPS[0] as number, -1)).toBe(ZOOM_STEPS[0]);
  });

  it('snaps a size between steps to the neighbouring step', () => {
    expect(stepZoom(1.05, 1)).toBe(1.1);
    expect(stepZoom(1.05, -1)).toBe(1);
  });
});
