// Which commands the shown session allows. Finding, History, Export and importing
// annotations need a reading: a project without one (or nothing open) disables them, in
// the toolbar, the shortcuts and the menu alike. Importing also needs the right to edit.
import type { MenuCommand } from '../../shared/ipc';
import type { Role } from '../../shared/sync/roles';
import { capabilitiesOf } from '../session/capabilities';
import type { SessionState } from '../session/session-host';

/** Commands that act on the open reading. */
const NEEDS_READING: ReadonlySet<MenuCommand> = new Set(['find', 'find-next', 'find-previous', 'history', 'export', 'import-annotations']);

/** Whether `id` can run while `state` is shown. */
export function commandEnabled(id: MenuCommand, state: SessionState<{ readonly role: Role }>): boolean {
  if (!NEEDS_READING.has(id)) return true;
  if (state.kind !== 'reading') return false;
  return id !== 'import-annotations' || capabilitiesOf(state.session.role).importAnnotations;
}
