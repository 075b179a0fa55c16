// Mode rapat: the keyboard moves through the screens by the page's own links (rel=prev/next), so
// the keys do exactly what the visible links do. Nothing is edited here.
"use strict";
document.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const target = event.target;
  if (target instanceof HTMLElement && target.closest("input, textarea, select, [contenteditable]")) return;
  const body = document.body;
  const link = (rel) => document.querySelector(`link[rel="${rel}"]`)?.getAttribute("href");
  let href;
  switch (event.key) {
    case "ArrowRight":
    case "PageDown":
    case " ":
      href = link("next");
      break;
    case "ArrowLeft":
    case "PageUp":
      href = link("prev");
      break;
    case "Home":
      href = body.dataset.awal;
      break;
    case "End":
      href = body.dataset.akhir;
      break;
    case "Escape":
      href = body.dataset.keluar;
      break;
    default:
      return;
  }
  event.preventDefault();
  if (href && href !== location.pathname) location.assign(href);
});
