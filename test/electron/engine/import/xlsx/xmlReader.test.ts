import { describe, expect, it } from 'vitest';
import { XmlReader, type XmlAttributes } from '../../../../../electron/engine/import/xlsx/xmlReader';
import { XLSX_LIMITS, type XlsxLimits } from '../../../../../electron/engine/import/xlsx/xlsxLimits';
import { EngineError } from '../../../../../shared/errors';

/** Events of reading `xml` in pieces of `step` characters, text captured inside <t> and <v>. */
function events(xml: string, step = xml.length, limits: XlsxLimits = XLSX_LIMITS): string[] {
  const out: string[] = [];
  let text = '';
  const reader: XmlReader = new XmlReader(
    'part.xml',
    {
      open(name: string, attrs: XmlAttributes, selfClosing: boolean) {
        const list = Array.from({ length: attrs.count }, (_, i) => `${attrs.names[i]}=${attrs.values[i]}`);
        out.push(`<${name}${list.length ? ' ' + list.join(' ') : ''}${selfClosing ? '/' : ''}>`);
        if (name === 't' || name === 'v') reader.capture = true;
      },
      close(name: string) {
        if (reader.capture) out.push(JSON.stringify(text));
        text = '';
        reader.capture = false;
        out.push(`</${name}>`);
      },
      text(piece: string) {
        text += piece;
      },
    },
    limits,
  );
  for (let i = 0; i < xml.length; i += step) reader.push(xml.slice(i, i + step));
  reader.end();
  return out;
}

function refusal(xml: string, step?: number, limits?: XlsxLimits): EngineError {
  try {
    events(xml, step, limits);
  } catch (err) {
    expect(err).toBeInstanceOf(EngineError);
    return err as EngineError;
  }
  throw new Error('not refused');
}

const DOC =
  '<?xml version="1.0" encoding="UTF-8"?>\n<x:sst xmlns:x="urn:s" count=\'2\'><!-- a comment -->' +
  '<si><t xml:space="preserve"> a &amp; b &lt;&#x4E2D;&#25991;&gt; </t></si>' +
  '<si><r><t>rich</t></r><t><![CDATA[<raw> & ]]]]></t></si><e a="1 &quot;q&quot; &gt; 0"/></x:sst>';

describe('XmlReader', () => {
  it('reports elements by local name, attributes decoded, text with references and CDATA', () => {
    expect(events(DOC)).toEqual([
      '<sst xmlns:x=urn:s count=2>',
      '<si>',
      '<t xml:space=preserve>',
      JSON.stringify(' a & b <中文> '),
      '</t>',
      '</si>',
      '<si>',
      '<r>',
      '<t>',
      '"rich"',
      '</t>',
      '</r>',
      '<t>',
      JSON.stringify('<raw> & ]]'),
      '</t>',
      '</si>',
      '<e a=1 "q" > 0/>',
      '</e>',
      '</sst>',
    ]);
  });

  it('reads the same whatever the chunk boundaries', () => {
    const whole = events(DOC);
    for (let step = 1; step <= 13; step++) expect(events(DOC, step), `step ${step}`).toEqual(whole);
  });

  it('refuses a DOCTYPE, even cut by a chunk boundary, with xlsx_dtd', () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><lolz>&lol;</lolz>';
    for (const step of [1, 4, 100]) expect(refusal(laughs, step).code).toBe('xlsx_dtd');
  });

  it('refuses undeclared entities, stray "&", characters XML forbids and malformed structure', () => {
    const cases: [string, RegExp][] = [
      ['<a><t>&xxe;</t></a>', /&xxe;/],
      ['<a><t>fish & chips</t></a>', /"&"/],
      ['<a><t>&#0;</t></a>', /not a character XML allows/],
      ['<a><b></a>', /<\/a> closes <b>/],
      ['<a>', /before its <a> is closed/],
      ['<a></a><b></b>', /more than one root/],
      ['<a b=1/>', /not quoted/],
      ['<a b="<"/>', /holds "<"/],
      ['', /no XML element/],
      ['<a><!x></a>', /declaration/],
    ];
    for (const [xml, message] of cases) {
      const err = refusal(xml);
      expect(err.code, xml).toBe('xlsx_invalid');
      expect(err.message, xml).toMatch(message);
    }
  });

  it('bounds the nesting depth and the length of one tag', () => {
    const limits = { ...XLSX_LIMITS, depth: 8, tagChars: 64 };
    expect(events('<a>'.repeat(8) + '</a>'.repeat(8), 5, limits)).toHaveLength(16);
    expect(refusal('<a>'.repeat(9) + '</a>'.repeat(9), 5, limits).details).toMatchObject({ limit: 'depth' });
    const long = `<a b="${'x'.repeat(100)}"/>`;
    expect(refusal(long, 16, limits).details).toMatchObject({ limit: 'tag' });
    // Text is handed over in pieces: a long text is not a long tag.
    expect(events(`<a><t>${'y'.repeat(1000)}</t></a>`, 16, limits)).toContain(
      JSON.stringify('y'.repeat(1000)),
    );
  });
});
