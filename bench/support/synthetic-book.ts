// A synthetic book of a given size that looks like text extracted from a PDF: hard-wrapped
// lines, words hyphenated at line ends, chapter headings, footnote numbers glued to words,
// running heads and page numbers between pages. Deterministic: the same size gives the
// same bytes, so benchmark runs compare.
import { seededRandom } from '../../shared/test-support/random';

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they ' +
  'you were her all she there would their we him been has when who will more no if out so said what up its about ' +
  'into than them can only other new some could time these two may then do first any my now such like our over man ' +
  'me even most made after also did many before must through back years where much your way well down should because ' +
  'each just those people how too little state good very make world still own see men work long get here between both ' +
  'life being under never day same another know while last might us great old year off come since against go came ' +
  'right used take three party government policy relations interests ideology revolution leadership conference ' +
  'domestic international movement struggle question position document position economic political socialist ' +
  'alliance dispute delegation committee reconstruction interpretation responsibility consequences ' +
  'representatives understanding correspondence administration transformation contradictions circumstances'
).split(' ');

const NAMES = ['Beijing', 'Moscow', 'Hanoi', 'Tirana', 'Warsaw', 'Havana', 'Belgrade', 'Bucharest', 'Sofia', 'Prague'];


/** A book of at least `bytes` bytes of UTF-8 text, hard-wrapped at `width` columns. */
export function syntheticBook(bytes = 2 * 1024 * 1024, width = 86): string {
  const rand = seededRandom(19621963);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const lines: string[] = ['A Synthetic History of Alliances', 'and Their Undoing', '', 'A. N. Author', 'Institute of Examples', ''];
  let size = lines.join('\n').length;
  let footnote = 0;
  let page = 1;
  let linesOnPage = 0;

  const sentence = (): string => {
    const count = 8 + Math.floor(rand() * 22);
    const words: string[] = [];
    for (let i = 0; i < count; i++) words.push(rand() < 0.08 ? pick(NAMES) : pick(WORDS));
    const first = words[0] ?? 'the';
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    let text = words.join(' ') + (rand() < 0.1 ? '?' : '.');
    if (rand() < 0.12) text = `‘${text.slice(0, -1)}’${text.slice(-1)}`;
    if (rand() < 0.15) text += String(++footnote);
    return text;
  };

  const emit = (line: string) => {
    lines.push(line);
    size += Buffer.byteLength(line, 'utf8') + 1;
    if (++linesOnPage >= 46) {
      // Page-break debris as PDF extraction leaves it: blank, page number, running head.
      page++;
      linesOnPage = 0;
      lines.push('', String(page), 'A SYNTHETIC HISTORY OF ALLIANCES', '');
    }
  };

  const wrap = (paragraph: string, strayLeadingSpace: boolean) => {
    let line = strayLeadingSpace ? ' ' : '';
    for (const word of paragraph.split(' ')) {
      if (line.length + 1 + word.length <= width) {
        line = line.trim() ? `${line} ${word}` : line + word;
        continue;
      }
      // Break long words across the line end with a hyphen, as typesetting does.
      const room = width - line.length - 2;
      if (word.length >= 9 && room >= 4 && /^[a-z]+$/.test(word)) {
        emit(`${line} ${word.slice(0, room)}-`);
        line = word.slice(room);
      } else {
        emit(line);
        line = word;
      }
    }
    if (line) emit(line);
  };

  for (let chapter = 1; size < bytes; chapter++) {
    emit('');
    emit(`Chapter ${chapter}: ${pick(NAMES)} and the ${pick(['question', 'dispute', 'alliance', 'movement'])} of ${1950 + (chapter % 20)}`);
    emit('');
    const paragraphs = 12 + Math.floor(rand() * 10);
    for (let p = 0; p < paragraphs && size < bytes; p++) {
      const sentences: string[] = [];
      const count = 3 + Math.floor(rand() * 7);
      for (let s = 0; s < count; s++) sentences.push(sentence());
      wrap(sentences.join(' '), rand() < 0.05);
      emit('');
    }
  }
  return lines.join('\n') + '\n';
}
