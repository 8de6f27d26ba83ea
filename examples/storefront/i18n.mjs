// Interface text and display formatting for the Turkish and English copies of the shop.
// Catalog attribute values are language-neutral codes; these tables turn them into the
// words a shopper reads.

import { COLORS, MATERIALS } from "./catalog-data.mjs";

export const SHOP_NAME = "Mavi Çarşı";

export const UI = {
  tr: {
    tagline: "Yazın ferahlığı, kışın sıcaklığı — hepsi tek çarşıda.",
    skipLink: "İçeriğe geç",
    categoriesNav: "Kategoriler",
    cart: "Sepet",
    cartLabel: "Sepetim",
    home: "Ana sayfa",
    langName: "Türkçe",
    otherLangLabel: "Switch to English",
    heroKicker: "Yeni sezon",
    heroTitle: "Keten zamanı geldi",
    heroText:
      "Hafif elbiseler, keten gömlekler ve sandaletlerde yaz koleksiyonu raflarda. " +
      "750 ₺ üzeri siparişlerde kargo bedava.",
    heroCta: "Giyimi keşfet",
    heroCta2: "Yeni kitaplar",
    featured: "Çok satanlar",
    newArrivals: "Yeni gelenler",
    categories: "Kategoriler",
    itemCount: (n) => `${n} ürün`,
    addToCart: "Sepete ekle",
    inStock: "Stokta",
    outOfStock: "Tükendi",
    brand: "Marka",
    sku: "Ürün kodu",
    details: "Ürün özellikleri",
    otherColors: "Diğer renkler",
    shippingNote: "750 ₺ üzeri kargo bedava · 14 gün içinde ücretsiz iade",
    description: (brand) =>
      `${brand} güvencesiyle. Siparişleriniz 1-3 iş günü içinde kargoya verilir; ` +
      "beğenmezseniz 14 gün içinde ücretsiz iade edebilirsiniz.",
    rating: (value) => `5 üzerinden ${value} puan`,
    sale: "İndirim",
    similar: "Benzer ürünler",
    recentlyViewed: "Son baktıkların",
    forYou: "Sana özel",
    recommendations: "Öneriler",
    viewedTogether: "Bunlara da baktılar",
    upNext: "Kaldığın yerden",
    cartCrossSell: "Sepetine yakışanlar",
    saleTitle: "İndirimler",
    saleNav: "İndirim",
    saleDescription: (n) => `${n} üründe indirim: en büyük indirim en üstte.`,
    reminderIncentive: "Bugün tamamlarsan 50 ₺ hediye çeki senin.",
    heroDeals: {
      kicker: "Fırsat köşesi",
      title: "İndirimler seni bekliyor",
      text: "Baktığın ürünlere benzer yüzlerce üründe %40'a varan indirim var. Stoklar tükenmeden göz at.",
      cta: "İndirimleri gör",
    },
    heroReturning: {
      kicker: "Tekrar hoş geldin",
      title: "Kaldığın yerden devam et",
      text: "Son baktıkların ve sana özel seçtiklerimiz aşağıda. 750 ₺ üzeri siparişlerde kargo bedava.",
      cta: "Sana özel seçimler",
    },
    offers: {
      deals: "Fırsat avcılarına özel: bu hafta 750 ₺ altı siparişlerde de kargo bedava.",
      returning: "Tekrar hoş geldin! Sepetine %5 ek indirim.",
      welcome: "Hoş geldin! İlk siparişine %10 indirim.",
      dealsCta: "İndirimlere göz at",
    },
    cartTitle: "Sepetim",
    cartEmpty: "Sepetiniz şu an boş.",
    continueShopping: "Alışverişe devam et",
    subtotal: "Ara toplam",
    shipping: "Kargo",
    shippingFree: "Ücretsiz",
    total: "Toplam",
    toCheckout: "Ödemeye geç",
    checkoutTitle: "Ödeme",
    contact: "İletişim bilgileri",
    fullName: "Ad soyad",
    email: "E-posta",
    phone: "Telefon",
    address: "Teslimat adresi",
    street: "Adres",
    city: "İl",
    district: "İlçe",
    payment: "Ödeme yöntemi",
    payOnDelivery: "Kapıda ödeme",
    payTransfer: "Havale / EFT",
    placeOrder: "Siparişi tamamla",
    orderSummary: "Sipariş özeti",
    checkoutEmpty: "Sepetinizde ürün yok. Ödemeye geçmeden önce ürün ekleyin.",
    thankYouTitle: "Teşekkürler, siparişiniz alındı!",
    thankYouText: "Sipariş onayı e-posta adresinize gönderilecek.",
    demoNote: "Bu bir demo mağazadır: gerçek ödeme alınmaz, sipariş gönderilmez.",
    footerNote:
      "Vitrin kişiselleştirme SDK'sının demo mağazası. Tüm ürünler ve markalar hayalidir.",
    pageTitle: (title) => `${title} | ${SHOP_NAME}`,
    categoryDescription: (name, n) => `${name} kategorisinde ${n} ürün. ${SHOP_NAME}'da keşfedin.`,
  },
  en: {
    tagline: "Breezy summers, cosy winters — one bazaar for both.",
    skipLink: "Skip to content",
    categoriesNav: "Categories",
    cart: "Cart",
    cartLabel: "My cart",
    home: "Home",
    langName: "English",
    otherLangLabel: "Türkçeye geç",
    heroKicker: "New season",
    heroTitle: "Linen season is here",
    heroText:
      "Light dresses, linen shirts and sandals: the summer collection has landed. " +
      "Free shipping on orders over ₺750.",
    heroCta: "Shop clothing",
    heroCta2: "New books",
    featured: "Best sellers",
    newArrivals: "New arrivals",
    categories: "Categories",
    itemCount: (n) => `${n} products`,
    addToCart: "Add to cart",
    inStock: "In stock",
    outOfStock: "Out of stock",
    brand: "Brand",
    sku: "Product code",
    details: "Product details",
    otherColors: "Other colours",
    shippingNote: "Free shipping over ₺750 · Free returns within 14 days",
    description: (brand) =>
      `Made by ${brand}. Orders ship within 1-3 working days, ` +
      "and you can return them free of charge within 14 days.",
    rating: (value) => `Rated ${value} out of 5`,
    sale: "Sale",
    similar: "Similar items",
    recentlyViewed: "Recently viewed",
    forYou: "Picked for you",
    recommendations: "Recommendations",
    viewedTogether: "Shoppers also viewed",
    upNext: "Pick up where you left off",
    cartCrossSell: "Goes well with your cart",
    saleTitle: "Deals",
    saleNav: "Sale",
    saleDescription: (n) => `${n} products on sale, biggest discounts first.`,
    reminderIncentive: "Complete it today and get a ₺50 gift voucher.",
    heroDeals: {
      kicker: "Deals corner",
      title: "Your deals are waiting",
      text: "Hundreds of products like the ones you viewed are up to 40% off. Have a look before they sell out.",
      cta: "See the deals",
    },
    heroReturning: {
      kicker: "Welcome back",
      title: "Pick up where you left off",
      text: "What you viewed last and our picks for you are below. Free shipping on orders over ₺750.",
      cta: "Picked for you",
    },
    offers: {
      deals: "For bargain hunters: free shipping on every order this week.",
      returning: "Welcome back! An extra 5% off your cart.",
      welcome: "Welcome! 10% off your first order.",
      dealsCta: "Browse the deals",
    },
    cartTitle: "My cart",
    cartEmpty: "Your cart is empty.",
    continueShopping: "Continue shopping",
    subtotal: "Subtotal",
    shipping: "Shipping",
    shippingFree: "Free",
    total: "Total",
    toCheckout: "Go to checkout",
    checkoutTitle: "Checkout",
    contact: "Contact details",
    fullName: "Full name",
    email: "Email",
    phone: "Phone",
    address: "Delivery address",
    street: "Address",
    city: "Province",
    district: "District",
    payment: "Payment method",
    payOnDelivery: "Pay on delivery",
    payTransfer: "Bank transfer",
    placeOrder: "Place order",
    orderSummary: "Order summary",
    checkoutEmpty: "Your cart is empty. Add something before checking out.",
    thankYouTitle: "Thank you, your order has been received!",
    thankYouText: "An order confirmation will be sent to your email address.",
    demoNote: "This is a demo shop: no payment is taken and nothing is shipped.",
    footerNote:
      "Demo shop for the Vitrin personalization SDK. All products and brands are fictional.",
    pageTitle: (title) => `${title} | ${SHOP_NAME}`,
    categoryDescription: (name, n) => `${n} products in ${name} at ${SHOP_NAME}.`,
  },
};

const ATTRIBUTE_LABELS = {
  color: ["Renk", "Colour"],
  size: ["Beden", "Size"],
  material: ["Materyal", "Material"],
  season: ["Sezon", "Season"],
  gender: ["Cinsiyet", "For"],
  author: ["Yazar", "Author"],
  format: ["Kapak", "Binding"],
  pages: ["Sayfa sayısı", "Pages"],
  language: ["Dil", "Language"],
  connectivity: ["Bağlantı", "Connectivity"],
  warranty: ["Garanti", "Warranty"],
  layout: ["Klavye düzeni", "Layout"],
  skin_type: ["Cilt tipi", "Skin type"],
  concentration: ["Yoğunluk", "Concentration"],
  age_range: ["Yaş", "Age"],
  players: ["Oyuncu sayısı", "Players"],
  pieces: ["Parça sayısı", "Pieces"],
};

const VALUE_LABELS = {
  season: {
    summer: ["Yaz", "Summer"],
    winter: ["Kış", "Winter"],
    spring: ["İlkbahar", "Spring"],
    autumn: ["Sonbahar", "Autumn"],
    all: ["Dört mevsim", "All seasons"],
  },
  gender: {
    female: ["Kadın", "Women"],
    male: ["Erkek", "Men"],
    unisex: ["Unisex", "Unisex"],
  },
  format: { ciltli: ["Ciltli", "Hardcover"], ciltsiz: ["Karton kapak", "Paperback"] },
  language: { turkce: ["Türkçe", "Turkish"] },
  connectivity: {
    bluetooth: ["Bluetooth", "Bluetooth"],
    "2.4ghz": ["2,4 GHz kablosuz", "2.4 GHz wireless"],
  },
  warranty: { "2-yil": ["2 yıl", "2 years"] },
  layout: { "tr-q": ["Türkçe Q", "Turkish Q"] },
  skin_type: {
    "tum-ciltler": ["Tüm cilt tipleri", "All skin types"],
    karma: ["Karma cilt", "Combination skin"],
    yagli: ["Yağlı cilt", "Oily skin"],
  },
  concentration: { edp: ["Eau de Parfum", "Eau de Parfum"] },
};

const langIndex = (lang) => (lang === "en" ? 1 : 0);

export function attributeLabel(key, lang) {
  return ATTRIBUTE_LABELS[key]?.[langIndex(lang)] ?? key;
}

/** "0-3m" and "6-36m" are month ranges; "4+" is an age in years. */
function ageOrSize(code, lang) {
  const months = /^(\d+)-(\d+)m$/.exec(code);
  if (months)
    return lang === "en" ? `${months[1]}-${months[2]} months` : `${months[1]}-${months[2]} ay`;
  const years = /^(\d+)\+$/.exec(code);
  if (years) return lang === "en" ? `Ages ${years[1]}+` : `${years[1]}+ yaş`;
  return code;
}

export function attributeValue(key, code, lang) {
  const i = langIndex(lang);
  if (key === "color") return COLORS[code]?.[lang] ?? code;
  if (key === "material") return MATERIALS[code]?.[i] ?? code;
  if (key === "size" || key === "age_range") return ageOrSize(code, lang);
  return VALUE_LABELS[key]?.[code]?.[i] ?? code;
}

const PRICE_FORMATS = {
  tr: new Intl.NumberFormat("tr-TR", { style: "currency", currency: "TRY" }),
  en: new Intl.NumberFormat("en-GB", { style: "currency", currency: "TRY" }),
};

const RATING_FORMATS = {
  tr: new Intl.NumberFormat("tr-TR", { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

export function formatPrice(value, lang) {
  return PRICE_FORMATS[lang === "en" ? "en" : "tr"].format(value);
}

export function formatRating(value, lang) {
  return RATING_FORMATS[lang === "en" ? "en" : "tr"].format(value);
}
