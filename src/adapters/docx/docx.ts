/**
 * A minimal WordprocessingML (.docx) writer for reports in the style of Chinese official documents
 * (GB/T 9704): A4, 公文 margins, 仿宋_GB2312 三号 body at a fixed 28 pt line pitch, 黑体 headings,
 * bordered 宋体 tables, centred PNG figures and a "— 1 —" page number. It writes only what Word, WPS and
 * LibreOffice need, instead of shipping the large `docx` library in the single HTML file.
 * Pure TypeScript: runs in the browser and in Node tests. Same input, same bytes.
 */

import { zipStore, type ZipEntry } from './zip';

export interface DocxRun {
  text: string;
  bold?: boolean;
}

export type DocxBlock =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; runs: DocxRun[] }
  | { kind: 'table'; caption?: string; header: string[]; rows: string[][]; numeric?: boolean[] }
  | { kind: 'image'; png: Uint8Array; widthPx: number; heightPx: number; caption?: string };

export interface DocxMeta {
  title: string;
  creator?: string;
}

// Page geometry in twips (1/20 pt): A4 portrait, 公文 margins 3.7 / 3.5 / 2.8 / 2.6 cm.
const PAGE_W = 11906;
const PAGE_H = 16838;
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 };
const TEXT_W = PAGE_W - MARGIN.left - MARGIN.right; // 8845 twips ≈ 15.6 cm
const TEXT_H = PAGE_H - MARGIN.top - MARGIN.bottom;
const EMU_PER_TWIP = 635;
const EMU_PER_PX = 9525; // at 96 dpi
const MAX_IMG_W = TEXT_W * EMU_PER_TWIP;
const MAX_IMG_H = (TEXT_H - 1440) * EMU_PER_TWIP; // leave an inch for the caption

const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_PIC = 'http://schemas.openxmlformats.org/drawingml/2006/picture';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const FANGSONG = '仿宋_GB2312';
const HEITI = '黑体';
const KAITI = '楷体';
const SONGTI = '宋体';
const LATIN = 'Times New Roman';

/** What XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF), after valid pairs. */
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/g;

function clean(s: string): string {
  return s.replace(ILLEGAL, (m) => (m.length === 2 ? m : ''));
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text or attribute value, cleaned and escaped. */
function esc(s: string): string {
  return clean(s).replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

function fonts(eastAsia: string, latin = LATIN): string {
  return `<w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:eastAsia="${eastAsia}" w:cs="${latin}"/>`;
}

function size(pt: number): string {
  return `<w:sz w:val="${pt * 2}"/><w:szCs w:val="${pt * 2}"/>`;
}

/** One run; tabs and line breaks in the text become <w:tab/> and <w:br/>. */
function run(text: string, bold = false): string {
  const rPr = bold ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : '';
  const parts = clean(text)
    .replace(/\r\n?/g, '\n')
    .split(/([\t\n])/)
    .filter((p) => p !== '')
    .map((p) =>
      p === '\t' ? '<w:tab/>' : p === '\n' ? '<w:br/>' : `<w:t xml:space="preserve">${esc(p)}</w:t>`,
    );
  return parts.length === 0 ? '' : `<w:r>${rPr}${parts.join('')}</w:r>`;
}

function para(style: string, content: string, extraPPr = ''): string {
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/>${extraPPr}</w:pPr>${content}</w:p>`;
}

/** Display width in half-em units: CJK and other wide characters count 2. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) as number) >= 0x1100 ? 2 : 1;
  return w;
}

/** Column widths in twips, proportional to the widest cell of each column, summing to the text width. */
function columnWidths(cells: string[][], cols: number): number[] {
  const weights: number[] = [];
  for (let c = 0; c < cols; c++) {
    let w = 0;
    for (const row of cells) w = Math.max(w, displayWidth(row[c] ?? ''));
    weights.push(Math.min(Math.max(w, 4), 24) + 2);
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((TEXT_W * w) / sum));
  widths[cols - 1] = TEXT_W - widths.slice(0, -1).reduce((a, b) => a + b, 0);
  return widths;
}

function table(block: Extract<DocxBlock, { kind: 'table' }>): string {
  const cols = block.rows.reduce((n, r) => Math.max(n, r.length), Math.max(1, block.header.length));
  const widths = columnWidths([block.header, ...block.rows], cols);
  const border = (side: string): string =>
    `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const tblPr =
    '<w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/>' +
    `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>';
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const row = (cells: string[], header: boolean): string => {
    const trPr = `<w:trPr><w:cantSplit/><w:trHeight w:val="397"/>${header ? '<w:tblHeader/>' : ''}</w:trPr>`;
    let tcs = '';
    for (let c = 0; c < cols; c++) {
      const shd = header ? '<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>' : '';
      const tcPr = `<w:tcPr><w:tcW w:w="${widths[c] as number}" w:type="dxa"/>${shd}<w:vAlign w:val="center"/></w:tcPr>`;
      const jc = header ? 'center' : block.numeric?.[c] ? 'right' : 'left';
      tcs += `<w:tc>${tcPr}${para('TableText', run(cells[c] ?? '', header), `<w:jc w:val="${jc}"/>`)}</w:tc>`;
    }
    return `<w:tr>${trPr}${tcs}</w:tr>`;
  };
  const caption =
    block.caption === undefined
      ? ''
      : para('Caption', run(block.caption), '<w:keepNext/><w:jc w:val="right"/>');
  const body = [row(block.header, true), ...block.rows.map((r) => row(r, false))].join('');
  // The empty paragraph after the table keeps two tables from merging and spaces the text that follows.
  return `${caption}<w:tbl>${tblPr}${grid}${body}</w:tbl>${para('TableGap', '')}`;
}

function image(block: Extract<DocxBlock, { kind: 'image' }>, n: number, rId: string): string {
  const { widthPx, heightPx } = block;
  if (!(widthPx > 0 && heightPx > 0 && Number.isFinite(widthPx) && Number.isFinite(heightPx))) {
    throw new RangeError(`buildDocx: image ${n} has no valid size (${widthPx}×${heightPx})`);
  }
  let cx = widthPx * EMU_PER_PX;
  let cy = heightPx * EMU_PER_PX;
  const scale = Math.min(1, MAX_IMG_W / cx, MAX_IMG_H / cy);
  cx = Math.max(1, Math.round(cx * scale));
  cy = Math.max(1, Math.round(cy * scale));
  const descr = esc(block.caption ?? '');
  const drawing =
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">` +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${n}" name="图片 ${n}" descr="${descr}"/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${NS_A}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${NS_A}"><a:graphicData uri="${NS_PIC}"><pic:pic xmlns:pic="${NS_PIC}">` +
    `<pic:nvPicPr><pic:cNvPr id="${n}" name="image${n}.png" descr="${descr}"/><pic:cNvPicPr><a:picLocks noChangeAspect="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${rId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    `</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
  const keep = block.caption === undefined ? '' : '<w:keepNext/>';
  const caption = block.caption === undefined ? '' : para('Caption', run(block.caption));
  return para('Figure', drawing, keep) + caption;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function styleXml(
  id: string,
  name: string,
  pPr: string,
  rPr: string,
  extra = '<w:basedOn w:val="Normal"/><w:qFormat/>',
): string {
  return `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${extra}<w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`;
}

const EXACT_28 = '<w:spacing w:before="0" w:after="0" w:line="560" w:lineRule="exact"/>';
const INDENT_2 = '<w:ind w:firstLineChars="200" w:firstLine="640"/>';

const STYLES =
  XML_DECL +
  `<w:styles xmlns:w="${NS_W}">` +
  '<w:docDefaults><w:rPrDefault><w:rPr>' +
  fonts(FANGSONG) +
  '<w:kern w:val="2"/>' +
  size(16) +
  '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
  '<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault>' +
  '</w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
  styleXml(
    'Title',
    'Title',
    '<w:keepNext/><w:spacing w:before="0" w:after="560" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>',
    fonts(HEITI, HEITI) + size(22),
    '<w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>',
  ) +
  styleXml(
    'Subtitle',
    'Subtitle',
    '<w:keepNext/><w:spacing w:before="0" w:after="560" w:line="560" w:lineRule="exact"/><w:jc w:val="center"/>',
    fonts(KAITI, KAITI) + size(16),
    '<w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>',
  ) +
  styleXml(
    'Heading1',
    'heading 1',
    `<w:keepNext/><w:keepLines/>${EXACT_28}${INDENT_2}<w:jc w:val="left"/><w:outlineLvl w:val="0"/>`,
    fonts(HEITI, HEITI) + size(16),
    '<w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>',
  ) +
  styleXml(
    'BodyText',
    'Body Text',
    `${EXACT_28}${INDENT_2}<w:jc w:val="both"/>`,
    fonts(FANGSONG) + size(16),
  ) +
  styleXml(
    'TableText',
    'Table Text',
    '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>',
    fonts(SONGTI) + size(12),
  ) +
  styleXml(
    'TableGap',
    'Table Gap',
    '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>',
    size(10),
  ) +
  styleXml(
    'Figure',
    'Figure',
    '<w:spacing w:before="120" w:after="60" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>',
    '',
  ) +
  styleXml(
    'Caption',
    'caption',
    '<w:spacing w:before="0" w:after="120" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>',
    fonts(FANGSONG) + size(14),
  ) +
  styleXml(
    'Footer',
    'footer',
    '<w:tabs><w:tab w:val="center" w:pos="4423"/><w:tab w:val="right" w:pos="8845"/></w:tabs><w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>',
    fonts(SONGTI) + size(14),
    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>',
  ) +
  '</w:styles>';

const SETTINGS =
  XML_DECL +
  `<w:settings xmlns:w="${NS_W}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>` +
  '<w:characterSpacingControl w:val="compressPunctuation"/>' +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>';

function font(name: string, alt: string | null, charset: string, family: string, pitch: string): string {
  const altName = alt === null ? '' : `<w:altName w:val="${alt}"/>`;
  return `<w:font w:name="${name}">${altName}<w:charset w:val="${charset}"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`;
}

// altName tells Word what to use when a font is missing: 仿宋_GB2312 is not on stock Windows 10+, 仿宋 is.
const FONT_TABLE =
  XML_DECL +
  `<w:fonts xmlns:w="${NS_W}">` +
  font(LATIN, null, '00', 'roman', 'variable') +
  font(FANGSONG, '仿宋', '86', 'modern', 'fixed') +
  font('仿宋', 'FangSong', '86', 'modern', 'fixed') +
  font(HEITI, 'SimHei', '86', 'modern', 'fixed') +
  font(KAITI, 'KaiTi', '86', 'modern', 'fixed') +
  font(SONGTI, 'SimSun', '86', 'auto', 'variable') +
  '</w:fonts>';

// Page number "— 1 —", centred.
const FOOTER =
  XML_DECL +
  `<w:ftr xmlns:w="${NS_W}" xmlns:r="${NS_R}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>` +
  '<w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
  '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
  '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>';

const CONTENT_TYPES =
  XML_DECL +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>' +
  `<Override PartName="/word/document.xml" ContentType="${CT}.document.main+xml"/>` +
  `<Override PartName="/word/styles.xml" ContentType="${CT}.styles+xml"/>` +
  `<Override PartName="/word/settings.xml" ContentType="${CT}.settings+xml"/>` +
  `<Override PartName="/word/fontTable.xml" ContentType="${CT}.fontTable+xml"/>` +
  `<Override PartName="/word/footer1.xml" ContentType="${CT}.footer+xml"/>` +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '</Types>';

function rels(list: [id: string, type: string, target: string][]): string {
  const items = list.map(
    ([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`,
  );
  return `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}

const ROOT_RELS = rels([
  ['rId1', `${REL}/officeDocument`, 'word/document.xml'],
  [
    'rId2',
    'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
    'docProps/core.xml',
  ],
  ['rId3', `${REL}/extended-properties`, 'docProps/app.xml'],
]);

export function buildDocx(blocks: DocxBlock[], meta: DocxMeta): Uint8Array {
  const enc = new TextEncoder();
  const media: ZipEntry[] = [];
  const docRels: [string, string, string][] = [
    ['rId1', `${REL}/styles`, 'styles.xml'],
    ['rId2', `${REL}/settings`, 'settings.xml'],
    ['rId3', `${REL}/fontTable`, 'fontTable.xml'],
    ['rId4', `${REL}/footer`, 'footer1.xml'],
  ];

  const body: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        body.push(para('Title', run(block.text)));
        break;
      case 'subtitle':
        body.push(para('Subtitle', run(block.text)));
        break;
      case 'heading':
        body.push(para('Heading1', run(block.text)));
        break;
      case 'paragraph':
        body.push(para('BodyText', block.runs.map((r) => run(r.text, r.bold === true)).join('')));
        break;
      case 'table':
        body.push(table(block));
        break;
      case 'image': {
        if (PNG_SIGNATURE.some((b, i) => block.png[i] !== b))
          throw new Error('buildDocx: image is not a PNG');
        const n = media.length + 1;
        const rId = `rId${100 + n}`;
        media.push({ name: `word/media/image${n}.png`, data: block.png });
        docRels.push([rId, `${REL}/image`, `media/image${n}.png`]);
        body.push(image(block, n, rId));
        break;
      }
    }
  }
  if (body.length === 0) body.push('<w:p/>');

  const sectPr =
    '<w:sectPr><w:footerReference w:type="default" r:id="rId4"/>' +
    `<w:pgSz w:w="${PAGE_W}" w:h="${PAGE_H}"/>` +
    `<w:pgMar w:top="${MARGIN.top}" w:right="${MARGIN.right}" w:bottom="${MARGIN.bottom}" w:left="${MARGIN.left}" w:header="851" w:footer="1247" w:gutter="0"/>` +
    '<w:cols w:space="425"/></w:sectPr>';
  const document =
    XML_DECL +
    `<w:document xmlns:w="${NS_W}" xmlns:r="${NS_R}" xmlns:wp="${NS_WP}"><w:body>${body.join('')}${sectPr}</w:body></w:document>`;

  const core =
    XML_DECL +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(meta.title)}</dc:title>` +
    (meta.creator === undefined ? '' : `<dc:creator>${esc(meta.creator)}</dc:creator>`) +
    '<dc:language>zh-CN</dc:language></cp:coreProperties>';
  const app =
    XML_DECL +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>台账看板</Application></Properties>';

  const xml = (name: string, text: string): ZipEntry => ({ name, data: enc.encode(text) });
  return zipStore([
    xml('[Content_Types].xml', CONTENT_TYPES),
    xml('_rels/.rels', ROOT_RELS),
    xml('docProps/core.xml', core),
    xml('docProps/app.xml', app),
    xml('word/document.xml', document),
    xml('word/_rels/document.xml.rels', rels(docRels)),
    xml('word/styles.xml', STYLES),
    xml('word/settings.xml', SETTINGS),
    xml('word/fontTable.xml', FONT_TABLE),
    xml('word/footer1.xml', FOOTER),
    ...media,
  ]);
}
