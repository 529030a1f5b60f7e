// The command palette and Quick Open, driven the way the UI checks need: a key press can be lost
// on a loaded machine (seen in CI: the palette never opened and the wait ran out), and Podsight's
// commands are offered only once the extension has activated. Both helpers try again, up to a
// deadline, instead of failing on the first miss.

/** Selectors checked against VS Code 1.139.1 (code-server 4.139.1). */
export const QUICK = {
  inputBox: '.quick-input-widget .quick-input-box input',
  row: '.quick-input-widget .monaco-list-row',
};

/** Whether `locator` appears within `ms`. */
const appears = (locator, ms) => locator.waitFor({ timeout: ms }).then(() => true, () => false);

/**
 * Runs a command from the palette. `refocus` is called before trying again (a click into the
 * editor the command is for: Escape leaves the focus where it was, which may be nowhere).
 */
export async function runCommand(page, name, { deadlineMs = 120_000, refocus } = {}) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    await page.keyboard.press('F1');
    if (await appears(page.locator(QUICK.inputBox), 5_000)) {
      await page.keyboard.type(name);
      if (await appears(page.locator(QUICK.row, { hasText: name }).first(), 5_000)) {
        await page.keyboard.press('Enter');
        return;
      }
      await page.keyboard.press('Escape');
    }
    if (Date.now() > deadline) throw new Error(`the command palette never offered "${name}"`);
    await refocus?.();
  }
}

/** Opens a workspace file with Quick Open, until it is the active editor. */
export async function openFile(page, name, { deadlineMs = 90_000 } = {}) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    await page.keyboard.press('Control+P');
    if (await appears(page.locator(QUICK.inputBox), 5_000)) {
      await page.keyboard.type(name);
      if (await appears(page.locator(QUICK.row, { hasText: name }).first(), 10_000)) {
        await page.keyboard.press('Enter');
        if (await appears(page.locator(`.tab.active[aria-label^="${name}"]`).first(), 15_000)) return;
      }
      await page.keyboard.press('Escape');
    }
    if (Date.now() > deadline) throw new Error(`Quick Open never made "${name}" the active editor`);
  }
}
