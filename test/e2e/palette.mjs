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
 * Opens the quick input with `key`, types `text` and takes the row holding it. False when the input
 * did not open or did not offer the row in time (it is then closed again).
 */
async function pick(page, key, text, rowMs) {
  await page.keyboard.press(key);
  if (!(await appears(page.locator(QUICK.inputBox), 5_000))) return false;
  await page.keyboard.type(text);
  if (await appears(page.locator(QUICK.row, { hasText: text }).first(), rowMs)) {
    await page.keyboard.press('Enter');
    return true;
  }
  await page.keyboard.press('Escape');
  return false;
}

/**
 * Runs a command from the palette. `refocus` is called before trying again (a click into the
 * editor the command is for: Escape leaves the focus where it was, which may be nowhere).
 */
export async function runCommand(page, name, { deadlineMs = 120_000, refocus } = {}) {
  const deadline = Date.now() + deadlineMs;
  while (!(await pick(page, 'F1', name, 5_000))) {
    if (Date.now() > deadline) throw new Error(`the command palette never offered "${name}"`);
    await refocus?.();
  }
}

/** Opens a workspace file with Quick Open, until it is the active editor. */
export async function openFile(page, name, { deadlineMs = 90_000 } = {}) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    if (await pick(page, 'Control+P', name, 10_000)) {
      if (await appears(page.locator(`.tab.active[aria-label^="${name}"]`).first(), 15_000)) return;
      await page.keyboard.press('Escape');
    }
    if (Date.now() > deadline) throw new Error(`Quick Open never made "${name}" the active editor`);
  }
}
