// Progressive enhancement only: every page works without this file (CSP: script-src 'self').
(() => {
  "use strict";

  // Product page: the shown price follows the chosen SKU. Radios carry data-price (already formatted
  // by the server, e.g. "¥3,080"); the target is the element marked data-sku-price inside the form's product.
  document.querySelectorAll("[data-sku-form]").forEach((form) => {
    const target = document.querySelector(form.dataset.skuForm);
    if (!target) return;
    form.addEventListener("change", (event) => {
      const input = event.target;
      if (input.matches("input[type=radio][data-price]")) {
        target.textContent = input.dataset.price;
      }
    });
  });

  // Product gallery: thumbnails are links to the full image; swap it in place instead of navigating.
  document.querySelectorAll("[data-gallery]").forEach((gallery) => {
    const main = gallery.querySelector("[data-gallery-main]");
    if (!main) return;
    gallery.addEventListener("click", (event) => {
      const link = event.target.closest("a[data-gallery-thumb]");
      if (!link) return;
      event.preventDefault();
      main.src = link.href;
      main.alt = link.dataset.alt || main.alt;
      gallery.querySelectorAll("a[data-gallery-thumb]").forEach((a) => a.removeAttribute("aria-current"));
      link.setAttribute("aria-current", "true");
    });
  });
})();
