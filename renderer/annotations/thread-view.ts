// The comment threads of the selected annotation — the seminar's critique: start a
// thread, reply to any comment (threaded), resolve and reopen, edit or delete your
// own. Comments are plain text, always set with textContent.
import { addComment, authorName, deleteComment, editComment, getPerson, InputError, listThreads, reopenThread, resolveThread, type Comment, type Thread } from '../../shared/model';
import { COMMENTS, PEOPLE } from '../../shared/model/roots';
import type { Session } from '../session/session';
import { h } from '../shell/dom';
import { relativeTime } from './relative-time';

/** The thread view. */
export interface ThreadView {
  readonly element: HTMLElement;
  /** Shows the threads on `target` (null: nothing selected). */
  show(session: Session | null, target: string | null): void;
}

/** What a viewer sees where the comment box would be. */
function readOnlyNote(hasThreads: boolean): HTMLElement {
  const note = 'Your link lets you read the comments, not add to them.';
  return h('p', { class: 'thread-read-only' }, hasThreads ? note : `No comments yet. ${note}`);
}

/** Builds the thread view. */
export function createThreadView(): ThreadView {
  const body = h('div', { class: 'thread-body' });
  const element = h('section', { class: 'thread-view', 'aria-labelledby': 'thread-heading', hidden: true }, h('h3', { id: 'thread-heading' }, 'Comments'), body);
  let session: Session | null = null;
  let target: string | null = null;
  let detach: (() => void) | null = null;
  let editing = false;

  /** A text box with Post/Cancel; `post` may throw an InputError, shown under it. */
  function composer(label: string, initial: string, post: (text: string) => void, cancel?: () => void): HTMLElement {
    const box = h('textarea', { rows: 2, 'aria-label': label, class: 'thread-input' });
    box.value = initial;
    const error = h('p', { class: 'thread-error', role: 'alert' });
    const send = h('button', { type: 'button' }, label.startsWith('Edit') ? 'Save' : 'Post');
    const submit = () => {
      try {
        post(box.value);
        box.value = '';
        editing = false;
        render();
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        error.textContent = e.message;
      }
    };
    send.addEventListener('click', submit);
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        submit();
      } else if (event.key === 'Escape' && cancel) {
        event.preventDefault();
        cancel();
      }
    });
    const cancelButton = cancel ? h('button', { type: 'button' }, 'Cancel') : null;
    cancelButton?.addEventListener('click', cancel!);
    return h('div', { class: 'thread-composer' }, box, h('div', { class: 'thread-composer-actions' }, send, cancelButton), error);
  }

  function commentView(s: Session, thread: Thread, comment: Comment, children: ReadonlyMap<string | null, Comment[]>, now: number): HTMLElement {
    const author = getPerson(s.doc, comment.author);
    const slot = h('div', { class: 'comment-slot' });
    const text = h('p', { class: 'comment-text' });
    text.textContent = comment.deleted ? 'Comment deleted.' : comment.text;
    text.classList.toggle('is-deleted', comment.deleted);
    const actions = h('div', { class: 'comment-actions' });
    const open = (node: HTMLElement) => {
      editing = true;
      slot.replaceChildren(node);
      node.querySelector('textarea')?.focus();
    };
    const close = () => {
      editing = false;
      slot.replaceChildren();
    };
    if (!comment.deleted && s.capabilities().comment) {
      const reply = h('button', { type: 'button' }, 'Reply');
      reply.addEventListener('click', () =>
        open(composer('Reply', '', (t) => void addComment(s.doc, { target: thread.target, parent: comment.id, author: s.personId, text: t }, s.origin), close)),
      );
      actions.append(reply);
      if (comment.author === s.personId) {
        const edit = h('button', { type: 'button' }, 'Edit');
        edit.addEventListener('click', () => open(composer('Edit comment', comment.text, (t) => editComment(s.doc, { id: comment.id, by: s.personId, text: t }, s.origin), close)));
        const remove = h('button', { type: 'button' }, 'Delete');
        remove.addEventListener('click', () => deleteComment(s.doc, { id: comment.id, by: s.personId }, s.origin));
        actions.append(edit, remove);
      }
    }
    const meta = h(
      'div',
      { class: 'comment-meta' },
      h('span', { class: 'comment-author', style: `--author-colour:${author?.colour ?? '#666666'}` }, author?.name ?? authorName(s.doc, comment.author)),
      h('time', { datetime: new Date(comment.created).toISOString(), title: new Date(comment.created).toLocaleString() }, relativeTime(comment.created, now)),
      comment.edited ? h('span', { class: 'comment-edited' }, '(edited)') : null,
    );
    const replies = children.get(comment.id) ?? [];
    return h(
      'li',
      { class: 'comment', 'data-comment-id': comment.id },
      meta,
      text,
      actions,
      slot,
      replies.length ? h('ul', { class: 'comment-replies' }, ...replies.map((r) => commentView(s, thread, r, children, now))) : null,
    );
  }

  function threadView(s: Session, thread: Thread, now: number): HTMLElement {
    const children = new Map<string | null, Comment[]>();
    for (const c of thread.comments) {
      const key = c.id === thread.id ? null : c.parent;
      children.set(key, [...(children.get(key) ?? []), c]);
    }
    const first = thread.comments.find((c) => c.id === thread.id);
    const toggle = h('button', { type: 'button', class: 'thread-resolve' }, thread.resolved ? 'Reopen' : 'Resolve');
    toggle.addEventListener('click', () => (thread.resolved ? reopenThread : resolveThread)(s.doc, { id: thread.id, by: s.personId }, s.origin));
    const resolvedBy = thread.resolved ? getPerson(s.doc, thread.resolved.by)?.name ?? 'someone' : null;
    return h(
      'article',
      { class: `thread${thread.resolved ? ' is-resolved' : ''}`, 'data-thread-id': thread.id, 'aria-label': thread.resolved ? 'Resolved thread' : 'Open thread' },
      // Viewers read the critique; the server refuses their comments, so nothing offers one.
      h('div', { class: 'thread-status' }, thread.resolved ? `Resolved by ${resolvedBy}` : 'Open', s.capabilities().resolve ? toggle : null),
      h('ul', { class: 'comment-list' }, first ? commentView(s, thread, first, children, now) : null),
    );
  }

  function render(): void {
    element.hidden = !session || !target;
    if (!session || !target) return body.replaceChildren();
    // Do not pull a half-typed reply from under the user when someone else comments.
    if (editing && element.contains(document.activeElement)) return;
    const [s, on, now] = [session, target, Date.now()];
    const threads = listThreads(s.doc, on);
    const post = (t: string) => void addComment(s.doc, { target: on, author: s.personId, text: t }, s.origin);
    body.replaceChildren(...threads.map((t) => threadView(s, t, now)), s.capabilities().comment ? composer('New comment', '', post) : readOnlyNote(threads.length > 0));
  }

  return {
    element,
    show(next, nextTarget) {
      if (next !== session) {
        detach?.();
        detach = null;
        if (next) {
          const maps = [next.doc.getMap(COMMENTS), next.doc.getMap(PEOPLE)];
          const onChange = () => render();
          maps[0]!.observeDeep(onChange);
          maps[1]!.observe(onChange);
          detach = () => {
            maps[0]!.unobserveDeep(onChange);
            maps[1]!.unobserve(onChange);
          };
        }
      }
      const changed = next !== session || nextTarget !== target;
      session = next;
      target = nextTarget;
      if (changed) {
        editing = false;
        render();
      }
    },
  };
}
