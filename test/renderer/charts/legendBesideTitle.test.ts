import { describe, expect, it } from 'vitest';
import { legendPart, titlePart } from '../../../renderer/src/charts/chartParts';
import { legendWidthBesideTitle, TITLE_GAP } from '../../../renderer/src/charts/legendBesideTitle';
import { CHART_THEMES } from '../../../renderer/src/charts/theme';

const theme = CHART_THEMES.light;
/** A stand-in for canvas measureText: 8 px a character, whatever the font. */
const measure = (text: string) => text.length * 8;

describe('legend kept clear of the title', () => {
  const title = 'Distribution of Annual Income (k$)'; // 34 characters: 272 px at 8 px each
  const option = {
    title: titlePart(theme, title),
    legend: legendPart(theme, ['Data', 'Mixture', 'Cluster 1']),
  };

  it('narrows the legend to the room right of the title when 68 % of the width would overlap it', () => {
    // 600 px chart: the legend would start at 600 − 12 − 408 = 180 px, inside the title (12 + 272).
    const width = legendWidthBesideTitle(option, 600, measure);
    expect(width).toBe(600 - 12 - (12 + 272) - TITLE_GAP);
    // Its left edge then falls after the title and the gap.
    expect(600 - 12 - width!).toBeGreaterThanOrEqual(12 + 272 + TITLE_GAP);
  });

  it('leaves a wide chart as built', () => {
    // 1400 px: the legend starts at 1400 − 12 − 952 = 436 px, after the title's end (284 + gap).
    expect(legendWidthBesideTitle(option, 1400, measure)).toBeNull();
  });

  it('leaves charts alone when there is no room worth paging into, no title, or a side legend', () => {
    expect(legendWidthBesideTitle(option, 380, measure)).toBeNull();
    expect(legendWidthBesideTitle({ ...option, title: titlePart(theme, '') }, 600, measure)).toBeNull();
    const side = { ...option, legend: { ...option.legend, orient: 'vertical' } };
    expect(legendWidthBesideTitle(side, 600, measure)).toBeNull();
    expect(legendWidthBesideTitle({ title: option.title }, 600, measure)).toBeNull();
  });
});
