/** Axis and path maths for the hand-drawn SVG charts; pure, so it is tested without a browser. */

/** A y axis: round steps (1, 2 or 5 × 10ⁿ, at least 1 ms) and a top that is a whole number of them. */
export interface Scale {
  top: number;
  step: number;
  ticks: number[];
}

export function niceScale(max: number, maxTicks = 4): Scale {
  const rough = Math.max(max, 1) / maxTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, ([1, 2, 5, 10].find((n) => n * magnitude >= rough - 1e-9) ?? 10) * magnitude);
  const top = Math.max(step, Math.ceil(max / step - 1e-9) * step);
  return { top, step, ticks: Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step) };
}

/**
 * An SVG path through the non-null values; a null lifts the pen, so a gap in the data is a gap in the
 * line instead of a dive to zero. One path element whatever the number of points.
 */
export function linePath(values: readonly (number | null)[], x: (index: number) => number, y: (value: number) => number): string {
  let path = '';
  let drawing = false;
  values.forEach((value, index) => {
    if (value === null) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${round(x(index))},${round(y(value))}`;
    drawing = true;
  });
  return path;
}

/** Indices of values with no neighbour: a path cannot show a lone point, so they are drawn as dots. */
export function isolatedIndices(values: readonly (number | null)[]): number[] {
  return values.flatMap((value, i) => (value !== null && (values[i - 1] ?? null) === null && (values[i + 1] ?? null) === null ? [i] : []));
}

export interface Run<K> {
  key: K;
  start: number;
  /** Exclusive. */
  end: number;
}

/** Consecutive items with the same key, merged: thousands of buckets become a handful of rectangles. */
export function runs<T, K>(items: readonly T[], key: (item: T) => K): Run<K>[] {
  const result: Run<K>[] = [];
  items.forEach((item, index) => {
    const k = key(item);
    const last = result[result.length - 1];
    if (last && last.key === k) last.end = index + 1;
    else result.push({ key: k, start: index, end: index + 1 });
  });
  return result;
}

const HOUR_STRIDES = [1, 2, 3, 6, 12, 24, 48, 72, 168];
const DAY_STRIDES = [1, 2, 5, 7, 14, 30, 60, 90];

/**
 * Which bucket starts get a label, at least `minGapPx` apart: hours on multiples of the stride in local
 * time (midnight for a day or more), days counted back from the newest so "today" is always labelled.
 */
export function bucketTicks(starts: readonly Date[], bucket: 'hour' | 'day', widthPx: number, minGapPx = 72): number[] {
  const n = starts.length;
  if (n === 0) return [];
  const fits = (stride: number) => (n / stride) * minGapPx <= widthPx;
  if (bucket === 'day') {
    const stride = DAY_STRIDES.find(fits) ?? n;
    return starts.flatMap((_, i) => ((n - 1 - i) % stride === 0 ? [i] : []));
  }
  const stride = HOUR_STRIDES.find(fits) ?? n;
  return starts.flatMap((start, i) => {
    const hoursSinceMidnight = start.getHours() + dayIndex(start) * 24;
    return hoursSinceMidnight % stride === 0 ? [i] : [];
  });
}

/** Local days since the epoch, so 48 h strides fall on every other midnight consistently. */
function dayIndex(date: Date): number {
  return Math.floor((date.getTime() - date.getTimezoneOffset() * 60_000) / 86_400_000);
}

const round = (n: number) => Math.round(n * 10) / 10;
