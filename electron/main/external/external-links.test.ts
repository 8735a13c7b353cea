import { describe, expect, it } from 'vitest';
import { checkExternalUrl, ExternalLinkError, MAX_EXTERNAL_URL_LENGTH, openExternalLink } from './external-links';

function recordingShell() {
  const opened: string[] = [];
  return { opened, shell: { openExternal: async (url: string) => void opened.push(url) } };
}

describe('external links', () => {
  it('opens web and e-mail links in the system browser or mail program', async () => {
    const { opened, shell } = recordingShell();
    await openExternalLink(shell, 'https://example.org/paper?id=1#p2');
    await openExternalLink(shell, 'http://example.org/');
    await openExternalLink(shell, 'mailto:tutor@example.org?subject=Seminar');
    expect(opened).toEqual(['https://example.org/paper?id=1#p2', 'http://example.org/', 'mailto:tutor@example.org?subject=Seminar']);
  });

  it('hands the OS the parsed, normalised URL', async () => {
    const { opened, shell } = recordingShell();
    await openExternalLink(shell, 'HTTPS://Example.ORG/a b');
    expect(opened).toEqual(['https://example.org/a%20b']);
  });

  it('refuses every other scheme, opening nothing', async () => {
    const { opened, shell } = recordingShell();
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'crux://join?token=1',
      'vbscript:msgbox',
      'ftp://example.org/',
    ]) {
      await expect(openExternalLink(shell, url), url).rejects.toThrow(
        /only web \(https:, http:\) and e-mail \(mailto:\) links open outside the app\.$/,
      );
    }
    expect(opened).toEqual([]);
  });

  it('refuses what is not a complete address', () => {
    expect(() => checkExternalUrl('example.org/paper')).toThrow('Crux did not open "example.org/paper": it is not a complete web address.');
    expect(() => checkExternalUrl('')).toThrow(ExternalLinkError);
  });

  it('refuses over-long links, saying how long they may be', () => {
    const url = `https://example.org/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`;
    expect(() => checkExternalUrl(url)).toThrow(
      `Crux did not open a link of ${url.length} characters; links may have up to ${MAX_EXTERNAL_URL_LENGTH}.`,
    );
  });
});
