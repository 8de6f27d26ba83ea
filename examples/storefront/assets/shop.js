// The merchant's own site script for the demo shop: a small cart in localStorage plus the
// GA4 ecommerce data layer a Google Tag Manager setup would expect. It knows nothing about
// Vitrin; Vitrin's tracker reads the same dataLayer events like any other tag would.
// DOM is built with createElement/textContent only: the page runs under a strict CSP and
// cart contents come from localStorage, which must never be parsed as HTML.
(() => {
  const CART_KEY = "shop-cart";
  const CURRENCY = "TRY";
  const FREE_SHIPPING_FROM = 750;
  const SHIPPING_FEE = 49.9;

  const lang = document.documentElement.lang === "en" ? "en" : "tr";
  const TEXT = {
    tr: {
      added: "Sepete eklendi.",
      viewCart: "Sepete git",
      remove: "Kaldır",
      quantity: "Adet",
      free: "Ücretsiz",
      orderNumber: "Sipariş numarası: ",
      removeLabel: (name) => `${name} ürününü sepetten kaldır`,
    },
    en: {
      added: "Added to your cart.",
      viewCart: "View cart",
      remove: "Remove",
      quantity: "Qty",
      free: "Free",
      orderNumber: "Order number: ",
      removeLabel: (name) => `Remove ${name} from cart`,
    },
  }[lang];
  const money = new Intl.NumberFormat(lang === "en" ? "en-GB" : "tr-TR", {
    style: "currency",
    currency: CURRENCY,
  });
  const cartUrl = lang === "en" ? "/en/sepet.html" : "/sepet.html";

  window.dataLayer = window.dataLayer || [];

  // Google's recommendation: clear the previous ecommerce object so fields from one event
  // don't leak into the next one through GTM's recursive merge.
  function track(event, ecommerce) {
    window.dataLayer.push({ ecommerce: null });
    window.dataLayer.push({ event, ecommerce });
  }

  const round = (value) => Math.round(value * 100) / 100;

  function readPageData() {
    const el = document.getElementById("shop-data");
    if (!el) return {};
    try {
      return JSON.parse(el.textContent || "{}");
    } catch {
      return {};
    }
  }

  function isCartLine(line) {
    return (
      line !== null &&
      typeof line === "object" &&
      typeof line.item_id === "string" &&
      typeof line.price === "number" &&
      Number.isFinite(line.price) &&
      Number.isInteger(line.quantity) &&
      line.quantity > 0
    );
  }

  // Anything can be in localStorage (old versions, other tabs, hand edits): keep only
  // well-formed lines instead of failing the whole page.
  function readCart() {
    try {
      const parsed = JSON.parse(localStorage.getItem(CART_KEY) || "[]");
      return Array.isArray(parsed) ? parsed.filter(isCartLine) : [];
    } catch {
      return [];
    }
  }

  function writeCart(cart) {
    try {
      localStorage.setItem(CART_KEY, JSON.stringify(cart));
    } catch {
      // Private mode or full storage: the cart just won't persist.
    }
    updateBadge(cart);
  }

  function cartCount(cart) {
    return cart.reduce((sum, line) => sum + line.quantity, 0);
  }

  function cartValue(cart) {
    return round(cart.reduce((sum, line) => sum + line.price * line.quantity, 0));
  }

  function shippingFor(subtotal) {
    return subtotal === 0 || subtotal >= FREE_SHIPPING_FROM ? 0 : SHIPPING_FEE;
  }

  /** GA4 item for events; the cart line keeps url/image too, which GA4 doesn't need. */
  function eventItem(line) {
    const item = {
      item_id: line.item_id,
      item_name: line.item_name,
      item_brand: line.item_brand,
      item_category: line.item_category,
    };
    if (line.item_category2) item.item_category2 = line.item_category2;
    if (line.item_category3) item.item_category3 = line.item_category3;
    item.price = line.price;
    item.quantity = line.quantity;
    return item;
  }

  function updateBadge(cart) {
    const count = cartCount(cart);
    for (const badge of document.querySelectorAll("[data-cart-count]")) {
      badge.textContent = String(count);
      badge.hidden = count === 0;
    }
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function renderTotals(cart) {
    const subtotal = cartValue(cart);
    const shipping = shippingFor(subtotal);
    for (const node of document.querySelectorAll("[data-cart-subtotal]")) {
      node.textContent = money.format(subtotal);
    }
    for (const node of document.querySelectorAll("[data-cart-shipping]")) {
      node.textContent = shipping === 0 ? TEXT.free : money.format(shipping);
    }
    for (const node of document.querySelectorAll("[data-cart-total]")) {
      node.textContent = money.format(round(subtotal + shipping));
    }
  }

  // ---------------------------------------------------------------- product page

  function setupProductPage(item) {
    track("view_item", {
      currency: CURRENCY,
      value: item.price,
      items: [eventItem({ ...item, quantity: 1 })],
    });

    const button = document.querySelector("[data-add-to-cart]");
    const feedback = document.querySelector("[data-cart-feedback]");
    if (!button) return;
    button.addEventListener("click", () => {
      if (button.disabled) return;
      const cart = readCart();
      const existing = cart.find((line) => line.item_id === item.item_id);
      if (existing) {
        existing.quantity += 1;
      } else {
        cart.push({
          item_id: item.item_id,
          item_name: item.item_name,
          item_brand: item.item_brand,
          item_category: item.item_category,
          price: item.price,
          quantity: 1,
          url: item.url,
          image: item.image,
        });
      }
      writeCart(cart);
      track("add_to_cart", {
        currency: CURRENCY,
        value: item.price,
        items: [eventItem({ ...item, quantity: 1 })],
      });
      if (feedback) {
        feedback.textContent = `${TEXT.added} `;
        const link = el("a", null, TEXT.viewCart);
        link.href = cartUrl;
        feedback.append(link);
      }
    });
  }

  // ---------------------------------------------------------------- cart page

  function renderCartPage() {
    const list = document.querySelector("[data-cart-lines]");
    const empty = document.querySelector("[data-cart-empty]");
    const summary = document.querySelector("[data-cart-summary]");
    if (!list) return;
    const cart = readCart();
    list.replaceChildren();

    for (const line of cart) {
      const row = el("li", "cart-line");
      row.dataset.itemId = line.item_id;

      const img = el("img", "cart-line-image");
      img.src = line.image || "";
      img.alt = "";
      img.width = 96;
      img.height = 96;

      const info = el("div", "cart-line-info");
      const name = el("a", "cart-line-name", line.item_name);
      name.href = line.url || "#";
      info.append(
        el("span", "cart-line-brand", line.item_brand || ""),
        name,
        el("span", "cart-line-qty", `${TEXT.quantity}: ${line.quantity}`),
      );

      const price = el("span", "cart-line-price", money.format(round(line.price * line.quantity)));

      const remove = el("button", "btn btn-link cart-line-remove", TEXT.remove);
      remove.type = "button";
      remove.setAttribute("aria-label", TEXT.removeLabel(line.item_name));
      remove.dataset.removeItem = line.item_id;
      remove.addEventListener("click", () => removeLine(line.item_id));

      row.append(img, info, price, remove);
      list.append(row);
    }

    const isEmpty = cart.length === 0;
    list.hidden = isEmpty;
    if (empty) empty.hidden = !isEmpty;
    if (summary) summary.hidden = isEmpty;
    renderTotals(cart);
  }

  function removeLine(itemId) {
    const cart = readCart();
    const line = cart.find((l) => l.item_id === itemId);
    if (!line) return;
    writeCart(cart.filter((l) => l.item_id !== itemId));
    track("remove_from_cart", {
      currency: CURRENCY,
      value: round(line.price * line.quantity),
      items: [eventItem(line)],
    });
    renderCartPage();
  }

  function setupCartPage() {
    const cart = readCart();
    if (cart.length > 0) {
      track("view_cart", {
        currency: CURRENCY,
        value: cartValue(cart),
        items: cart.map(eventItem),
      });
    }
    renderCartPage();
  }

  // ---------------------------------------------------------------- checkout page

  function renderCheckoutSummary(cart) {
    const list = document.querySelector("[data-summary-lines]");
    if (!list) return;
    list.replaceChildren();
    for (const line of cart) {
      const row = el("li", "summary-line");
      row.append(
        el("span", "summary-line-name", `${line.quantity} × ${line.item_name}`),
        el("span", "summary-line-price", money.format(round(line.price * line.quantity))),
      );
      list.append(row);
    }
    renderTotals(cart);
  }

  function setupCheckoutPage() {
    const layout = document.querySelector("[data-checkout]");
    const form = document.querySelector("[data-checkout-form]");
    const empty = document.querySelector("[data-checkout-empty]");
    const thanks = document.querySelector("[data-thank-you]");
    const cart = readCart();

    if (cart.length === 0) {
      if (layout) layout.hidden = true;
      if (empty) empty.hidden = false;
      const button = document.querySelector("[data-place-order]");
      if (button) button.disabled = true;
      return;
    }

    renderCheckoutSummary(cart);
    track("begin_checkout", {
      currency: CURRENCY,
      value: cartValue(cart),
      items: cart.map(eventItem),
    });

    if (!form) return;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const current = readCart();
      if (current.length === 0) return;
      const value = cartValue(current);
      const transactionId = `T${Date.now()}`;
      track("purchase", {
        transaction_id: transactionId,
        value,
        shipping: shippingFor(value),
        currency: CURRENCY,
        items: current.map(eventItem),
      });
      writeCart([]);
      if (layout) layout.hidden = true;
      if (thanks) {
        const orderId = thanks.querySelector("[data-order-id]");
        if (orderId) orderId.textContent = TEXT.orderNumber + transactionId;
        thanks.hidden = false;
        thanks.focus();
      }
    });
  }

  // ---------------------------------------------------------------- list pages

  function trackList(list) {
    if (!list || !Array.isArray(list.items) || list.items.length === 0) return;
    track("view_item_list", {
      item_list_id: list.item_list_id,
      item_list_name: list.item_list_name,
      items: list.items,
    });
  }

  // ---------------------------------------------------------------- boot

  const data = readPageData();
  updateBadge(readCart());

  switch (data.page) {
    case "product":
      if (data.item) setupProductPage(data.item);
      break;
    case "category":
    case "home":
      trackList(data.list);
      break;
    case "cart":
      setupCartPage();
      break;
    case "checkout":
      setupCheckoutPage();
      break;
    default:
      break;
  }

  // Keep the badge (and an open cart page) in sync with other tabs.
  window.addEventListener("storage", (event) => {
    if (event.key !== CART_KEY && event.key !== null) return;
    updateBadge(readCart());
    if (data.page === "cart") renderCartPage();
  });
})();
