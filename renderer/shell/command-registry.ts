// One registry of the app's commands. The OS menu, the keyboard shortcuts and the toolbar
// buttons all run commands through it, and a command's buttons are disabled exactly while
// it cannot run: one place decides, so the menu, a key and a button never disagree.
import type { MenuCommand } from '../../shared/ipc';

/** Runs a command. */
export type CommandHandler = () => void;

/** The registry. */
export interface CommandRegistry {
  /** Makes `id` run `handler` (replacing any earlier one). */
  register(id: MenuCommand, handler: CommandHandler): void;
  /** Runs `id` if it is registered and enabled; returns whether it ran. */
  run(id: MenuCommand): boolean;
  /** Whether `id` can run now. */
  isEnabled(id: MenuCommand): boolean;
  /** Makes a click on `button` run `id`, and disables the button while `id` cannot run. */
  bindButton(button: HTMLButtonElement, id: MenuCommand): void;
  /** Reads every command's enabled state again (what it depends on changed). */
  refresh(): void;
}

/** A registry whose commands are enabled as `enabled` says. */
export function createCommandRegistry(enabled: (id: MenuCommand) => boolean): CommandRegistry {
  const handlers = new Map<MenuCommand, CommandHandler>();
  const buttons: { button: HTMLButtonElement; id: MenuCommand }[] = [];

  const registry: CommandRegistry = {
    register(id, handler) {
      handlers.set(id, handler);
      registry.refresh();
    },
    isEnabled: (id) => handlers.has(id) && enabled(id),
    run(id) {
      const handler = handlers.get(id);
      if (!handler || !enabled(id)) return false;
      handler();
      return true;
    },
    bindButton(button, id) {
      buttons.push({ button, id });
      button.disabled = !registry.isEnabled(id);
      button.addEventListener('click', () => registry.run(id));
    },
    refresh() {
      for (const { button, id } of buttons) button.disabled = !registry.isEnabled(id);
    },
  };
  return registry;
}
