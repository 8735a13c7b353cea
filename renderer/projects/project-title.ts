// What the window title says: on the desktop the project's file name comes first (the
// file is what the user saves, copies and mails), then the reading's title.

/** The window title for a reading titled `readingTitle`, in project file `projectName` (null in a browser). */
export function windowTitle(projectName: string | null, readingTitle: string | null): string {
  const parts = [projectName, readingTitle?.trim() || null].filter((part): part is string => Boolean(part));
  // A project named after its reading would otherwise say the same thing twice.
  if (parts.length === 2 && parts[0]!.replace(/\.crux$/i, '') === parts[1]) parts.pop();
  return [...parts, 'Crux'].join(' — ');
}
