// Typing in the reader: ProseMirror inserts each typed character itself (as it already
// does over a selection) instead of letting Chromium's contenteditable insert it and
// reading the change back. With thousands of highlight spans in the reading, Chromium's
// own insertion (TypingCommand) cost more than the rest of the keystroke together;
// ProseMirror's transaction changes one text node. Composition (IME, dead keys) still
// goes through the browser.
import { Plugin, TextSelection, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/**
 * The caret as the browser has it. A key that moves it (Home, an arrow) reaches
 * ProseMirror's state only with the next `selectionchange` event, which can come after the
 * next keypress: typing must go where the browser shows the caret. Null when the browser's
 * selection is not in the reading or not at a text position ProseMirror can name.
 */
function domCaret(view: EditorView): { anchor: number; head: number } | null {
  const sel = view.dom.ownerDocument.getSelection();
  if (!sel?.anchorNode || !sel.focusNode || !view.dom.contains(sel.anchorNode) || !view.dom.contains(sel.focusNode)) return null;
  try {
    return { anchor: view.posAtDOM(sel.anchorNode, sel.anchorOffset), head: view.posAtDOM(sel.focusNode, sel.focusOffset) };
  } catch {
    return null;
  }
}

/** A transaction from `view`'s state with the browser's caret as its selection, if they differ. */
function atBrowserCaret(view: EditorView): Transaction | null {
  const tr = view.state.tr;
  const caret = domCaret(view);
  if (!caret) return null;
  const { anchor, head } = tr.selection;
  if (caret.anchor !== anchor || caret.head !== head) tr.setSelection(TextSelection.between(tr.doc.resolve(caret.anchor), tr.doc.resolve(caret.head)));
  return tr;
}

/** The character a keypress types, or null when it is not exactly one character of text. */
export function typedCharacter(key: string): string | null {
  return [...key].length === 1 && !/[\r\n]/.test(key) ? key : null;
}

/** The plugin that types characters through ProseMirror transactions. */
export function typingPlugin(): Plugin {
  return new Plugin({
    props: {
      // ProseMirror calls this for keypresses that type (not during composition, nor with
      // Ctrl or ⌘ unless it is AltGr) and prevents the browser's own insertion when it
      // returns true.
      handleKeyPress(view, event) {
        const text = typedCharacter(event.key);
        // A node selected (a footnote mark), or a caret the reading cannot place: ProseMirror's own way.
        if (text === null || !(view.state.selection instanceof TextSelection)) return false;
        const tr = atBrowserCaret(view);
        if (!tr) return false;
        const { from, to } = tr.selection;
        const deflt = () => tr.insertText(text).scrollIntoView();
        if (!view.someProp('handleTextInput', (f) => f(view, from, to, text, deflt))) view.dispatch(deflt());
        return true;
      },
    },
  });
}
