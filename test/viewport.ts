import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Sizes the page's viewport in any of the three engines (the stock `setViewport` throws for a
 * WebDriver browser: WebKit's window is sized through WebDriver instead, see
 * test/webdriver-harness.mjs). Resolves with the size reached: MiniBrowser cannot be narrower
 * than {@link WEBKIT_MIN_WIDTH}.
 */
export async function setViewport(size: { width: number; height: number }): Promise<{ width: number; height: number }> {
  const reached = await executeServerCommand<{ width: number; height: number }, typeof size>('csf-viewport', size);
  // The page lays out at the new size by the next frame.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return reached!;
}

/** The narrowest viewport WebKitGTK's MiniBrowser window allows. */
export const WEBKIT_MIN_WIDTH = 447;
