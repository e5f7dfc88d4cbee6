// What the card prints for each source: the year said once.
import { describe, expect, it } from 'vitest';
import { cardContent, sourceMeta } from '@/components/card/card-content';
import { packaged } from './helpers/packaged';

describe('a source line', () => {
  it('names the publisher and the year, and the year once when the publisher already carries it', () => {
    expect(sourceMeta({ publisher: 'Dropbox Tech Blog', year: 2019 })).toBe('Dropbox Tech Blog, 2019');
    expect(sourceMeta({ publisher: "O'Reilly OSCON 2007", year: 2007 })).toBe("O'Reilly OSCON 2007");
    expect(sourceMeta({ publisher: 'PyCon US 2022', year: 2023 })).toBe('PyCon US 2022, 2023'); // a later write-up
  });

  it('no source of the shipped dataset prints its year twice', () => {
    const doubled = packaged.companies.flatMap((p) =>
      cardContent(p).sources.filter((s) => s.meta.split(String(s.year)).length > 2).map((s) => `${p.id}: ${s.meta}`),
    );
    expect(doubled).toEqual([]);
  });
});
