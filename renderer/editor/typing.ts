// Typing in the reader: ProseMirror inserts each typed character itself (as it already
// does over a selection) instead of letting Chromium's contenteditable insert it and
// reading the change back. With thousands of highlight spans in the reading, Chromium's
// own insertion (TypingCommand) cost more than the rest of the keystroke together;
// ProseMirror's transaction changes one text node. Composition (IME, dead keys) still
// goes through the browser.
import { Plugin } from 'prosemirror-state';

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
        if (text === null) return false;
        const { from, to } = view.state.selection;
        const deflt = () => view.state.tr.insertText(text).scrollIntoView();
        if (!view.someProp('handleTextInput', (f) => f(view, from, to, text, deflt))) view.dispatch(deflt());
        return true;
      },
    },
  });
}
