// The demo page's own behaviour: the theme switcher and the theme CSS shown with the widget.
// It is an external module and writes text with textContent, never innerHTML, so the page
// keeps working under the strict CSP and Trusted Types policy in index.html.

const THEME_NAMES = { default: 'default', govuk: 'GOV.UK style', dark: 'dark' };

/**
 * Splits themes.css at its `/* ===== Theme: name ===== *\/` comments.
 * @param {string} text the whole stylesheet
 * @returns {Map<string, string>} theme name to that section's CSS; the file's preamble is dropped
 */
function splitThemes(text) {
  // A capturing group makes split() return [preamble, name, body, name, body, …].
  const pieces = text.split(/^\/\*\s*=+\s*Theme:\s*([\w-]+)\s*=+\s*\*\/[ \t]*\r?$/m);
  const themes = new Map();
  for (let i = 1; i < pieces.length; i += 2) themes.set(pieces[i], pieces[i + 1].trim());
  return themes;
}

async function loadThemeText(href) {
  // Vite's dev server answers a plain fetch of a .css file with a JavaScript module that
  // injects it; asking for text/css gets the file itself (a static server ignores this).
  const response = await fetch(href, { headers: { Accept: 'text/css' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return splitThemes(await response.text());
}

const switcher = document.querySelector('.theme-switcher');
const stage = document.getElementById('theme-stage');
const panel = document.querySelector('.theme-css');
const nameOutput = document.getElementById('theme-css-name');
const code = document.getElementById('theme-css-code');
const stylesheet = document.getElementById('theme-styles');

if (switcher && stage && panel && nameOutput && code && stylesheet) {
  let themes = new Map();
  let failure = '';

  const show = (theme) => {
    for (const name of Object.keys(THEME_NAMES)) stage.classList.toggle(`theme-${name}`, name === theme);
    nameOutput.textContent = THEME_NAMES[theme] ?? theme;
    // One block per line, so a long selector that wraps in the narrow column gets a hanging
    // indent; each keeps its newline, so copied text is the stylesheet's own.
    const lines = (themes.get(theme) ?? failure).split(/\r?\n/).map((line) => {
      const span = document.createElement('span');
      span.className = 'theme-css__line';
      span.textContent = `${line}\n`;
      return span;
    });
    code.replaceChildren(...lines);
  };
  const chosen = () => switcher.querySelector('input[name="theme"]:checked')?.value ?? 'default';

  switcher.addEventListener('change', () => show(chosen()));
  switcher.hidden = false;
  panel.hidden = false;
  // A browser may restore a checked radio on reload, so start from the form, not from "default".
  show(chosen());

  loadThemeText(stylesheet.href).then(
    (loaded) => {
      themes = loaded;
      show(chosen());
    },
    (error) => {
      failure = `/* The theme CSS could not be loaded (${error.message}). It is in demo/themes.css. */`;
      show(chosen());
    },
  );
}
