// Typesets a corpus source as a LibreOffice Writer flat document (.fodt), which
// build-corpus.ts converts to PDF with `soffice --headless --convert-to pdf`: headings with
// outline levels, justified and hyphenated body text, real footnotes, a monospace code
// style, and a page header and footer (running head, page number).
import { splitNotes, type SourceDoc } from './source';

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Straight double quotes as typeset quotes. */
function quotes(text: string): string {
  return text.replace(/"([^"]*)"/g, '“$1”');
}

const styles = `
 <office:font-face-decls>
  <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman"/>
  <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss"/>
  <style:font-face style:name="Liberation Mono" svg:font-family="'Liberation Mono'" style:font-pitch="fixed"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
   <style:text-properties style:font-name="Liberation Serif" fo:font-size="11pt" fo:language="en" fo:country="US" fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph"/>
  <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="justify" fo:margin-top="0cm" fo:margin-bottom="0.2cm" fo:line-height="115%"/>
  </style:style>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/>
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="20pt" fo:font-weight="bold" fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Author" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.6cm"/>
   <style:text-properties fo:font-style="italic" fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-top="0.45cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
   <style:text-properties style:font-name="Liberation Sans" fo:font-weight="bold" fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1">
   <style:text-properties fo:font-size="16pt"/>
  </style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2">
   <style:text-properties fo:font-size="13pt"/>
  </style:style>
  <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="3">
   <style:text-properties fo:font-size="11pt" fo:font-style="italic"/>
  </style:style>
  <style:style style:name="Preformatted_20_Text" style:display-name="Preformatted Text" style:family="paragraph" style:parent-style-name="Standard">
   <style:text-properties style:font-name="Liberation Mono" fo:font-size="9pt" fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Formula" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center" fo:margin-top="0.2cm" fo:margin-bottom="0.2cm"/>
   <style:text-properties fo:font-style="italic" fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-left="0.5cm" fo:text-indent="-0.5cm"/>
   <style:text-properties fo:font-size="9pt"/>
  </style:style>
  <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="end"/>
   <style:text-properties fo:font-size="9pt" fo:font-style="italic" fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="9pt" fo:hyphenate="false"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="14.8cm" fo:page-height="21cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="1.8cm" fo:margin-right="1.8cm"/>
   <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.4cm"/></style:header-style>
   <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style>
  </style:page-layout>
 </office:automatic-styles>`;

/** The flat ODT source of a document. */
export function toFodt(doc: SourceDoc): string {
  const body: string[] = [
    `<text:p text:style-name="Title">${xml(doc.meta.title ?? '')}</text:p>`,
    `<text:p text:style-name="Author">${xml(doc.meta.author ?? '')}</text:p>`,
  ];
  let note = 0;
  for (const b of doc.blocks) {
    if (b.kind === 'heading') body.push(`<text:h text:style-name="Heading_20_${b.level}" text:outline-level="${b.level}">${xml(b.text)}</text:h>`);
    else if (b.kind === 'code') {
      for (const line of b.lines) {
        const lead = /^ */.exec(line)![0].length;
        body.push(`<text:p text:style-name="Preformatted_20_Text">${lead ? `<text:s text:c="${lead}"/>` : ''}${xml(line.slice(lead))}</text:p>`);
      }
    } else if (b.kind === 'math') body.push(`<text:p text:style-name="Formula">${xml(b.text)}</text:p>`);
    else {
      const { runs, notes } = splitNotes(b.text);
      const parts = runs.map((r, i) => {
        if (i >= notes.length) return xml(quotes(r));
        note++;
        return `${xml(quotes(r))}<text:note text:id="ftn${note}" text:note-class="footnote"><text:note-citation>${note}</text:note-citation><text:note-body><text:p text:style-name="Footnote">${xml(quotes(notes[i]!))}</text:p></text:note-body></text:note>`;
      });
      body.push(`<text:p text:style-name="Text_20_body">${parts.join('')}</text:p>`);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
${styles}
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:header><text:p text:style-name="Header">${xml(doc.meta.head ?? '')}</text:p></style:header>
   <style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body>
  <office:text>
   ${body.join('\n   ')}
  </office:text>
 </office:body>
</office:document>
`;
}
