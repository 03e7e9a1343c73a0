import { describe, expect, it } from 'vitest';
import { accessBands, bandOf, focusAround } from './access-classes.ts';

describe('the classes of the access map', () => {
  const bands = accessBands(4);

  it('sets dongs that reach nothing apart from those below half the mean', () => {
    expect(bandOf(0, bands).key).toBe('none');
    expect(bandOf(0.01, bands).key).toBe('low');
    expect(bandOf(1.99, bands).key).toBe('low');
  });

  it('splits the rest at half, once and one and a half times the city mean', () => {
    expect(bandOf(2, bands).key).toBe('below');
    expect(bandOf(4, bands).key).toBe('above');
    expect(bandOf(5.99, bands).key).toBe('above');
    expect(bandOf(6, bands).key).toBe('high');
    expect(bandOf(600, bands).key).toBe('high');
  });
});

describe('the frame of a city map', () => {
  it('is centred on the places and wide enough for the larger side', () => {
    // 0.2° of latitude ≈ 22.2 km tall; 0.1° of longitude at 37.5°N ≈ 8.8 km wide.
    const focus = focusAround({ west: 126.8, east: 126.9, south: 37.4, north: 37.6 }, 0);
    expect(focus.lat).toBeCloseTo(37.5, 9);
    expect(focus.lon).toBeCloseTo(126.85, 9);
    expect(focus.radiusKm).toBeCloseTo(11.12, 2);
  });
});
