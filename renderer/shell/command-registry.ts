// One registry of the app's commands. The OS menu, the keyboard shortcuts and the toolbar
// buttons all run commands through it, and a command's buttons are disabled exactly while
// it cannot run: one place decides, so the menu, a key and a button never disagree.
import { MenuCommandSchema, type MenuCommand } from '../../shared/ipc';

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

/**
 * A registry whose commands are enabled as `enabled` says. `disabledChanged` hears the
 * commands that cannot run whenever that list changes (the OS menu greys their items).
 */
export function createCommandRegistry(enabled: (id: MenuCommand) => boolean, disabledChanged: (commands: readonly MenuCommand[]) => void = () => {}): CommandRegistry {
  const handlers = new Map<MenuCommand, CommandHandler>();
  const buttons: { button: HTMLButtonElement; id: MenuCommand }[] = [];
  let reported: string | null = null;

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
      const disabled = MenuCommandSchema.options.filter((id) => !registry.isEnabled(id));
      if (disabled.join() === reported) return;
      reported = disabled.join();
      disabledChanged(disabled);
    },
  };
  return registry;
}
