// Sets data-theme on <html> before the first paint, from the saved choice or the system
// setting, so a dark-mode visitor never sees a white flash. The CSP hashes this exact string.
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem("theme");if(t!=="dark"&&t!=="light"){t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light"}document.documentElement.dataset.theme=t}catch(e){}})();`;
