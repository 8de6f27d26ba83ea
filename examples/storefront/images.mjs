// Flat SVG product illustrations. Real shops have photos; a demo needs something that
// still reads as "a red dress" or "a blue speaker" at card size, stays under 2 KB and
// never touches an external host. Shapes are drawn on a 300x300 canvas around (150, 150).

const path = (d) => `<path d="${d}"/>`;
const line = (d) => `<path fill="none" d="${d}"/>`;
const rect = (x, y, w, h, r = 0) =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}"${r ? ` rx="${r}"` : ""}/>`;
const circle = (cx, cy, r) => `<circle cx="${cx}" cy="${cy}" r="${r}"/>`;
const ring = (cx, cy, r) => `<circle fill="none" cx="${cx}" cy="${cy}" r="${r}"/>`;
const ellipse = (cx, cy, rx, ry) => `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}"/>`;

const SHIRT_BODY =
  "M112 62L70 80 40 132l34 18 18-28v122h116V122l18 28 34-18-30-52-42-18q-38 22-76 0Z";
const EARBUD = "M98 96q30 0 30 32 0 24-20 28v60q0 12-12 12t-12-12v-66q-14-10-12-26 2-28 26-28Z";

const ICONS = {
  shirt: [path(SHIRT_BODY), line("M112 62l38 38 38-38M150 100v140")],
  tshirt: [path("M110 64 62 86l-20 50 42 12 8-20v116h116V128l8 20 42-12-20-50-48-22q-40 32-80 0Z")],
  sweater: [
    path("M112 62 74 78 50 210l30 4 16-90v116h108V124l16 90 30-4-24-132-38-16q-38 26-76 0Z"),
    line("M96 222h108M112 62q38 26 76 0"),
  ],
  coat: [
    path("M114 56 72 74 52 226l32 4 12-102v128h108V128l12 102 32-4-20-152-42-18-36 40Z"),
    line("M114 56l36 80 36-80M150 136v120"),
  ],
  dress: [path("M122 56h56l-8 48 48 142H82l48-142Z"), line("M130 104h40")],
  shorts: [path("M88 82h124l18 138h-64l-16-82-16 82H70Z"), line("M88 104h124")],
  swimsuit: [path("M112 56h12q26 64 52 0h12l-2 94q-18 28 14 86h-40q-10-22-20 0h-40q32-58 14-86Z")],
  scarf: [
    path("M104 64q46 32 92 0l-8 40q-38 24-76 0Z"),
    path("M132 108l-16 124h40l6-120Z"),
    line("M122 232v20m14-20v20m14-20v20"),
  ],
  beanie: [path("M84 196q0-104 66-104t66 104Z"), rect(76, 190, 148, 40, 12), circle(150, 78, 20)],
  glove: [
    path("M104 240V128q0-54 46-54t46 54v112Z"),
    path("M104 156q-34 0-32-34 2-22 32-6Z"),
    line("M104 210h92"),
  ],
  sandal: [
    path("M60 214q0-18 30-18h140q20 0 20 18t-20 16H80q-20 0-20-16Z"),
    line("M110 196q30-66 60 0m20 0q10-36 30 0"),
  ],
  sneaker: [
    path("M54 222v-72q0-18 18-14l38 14q20-30 40-40l30 58q68 8 72 42v12Z"),
    line("M54 208h198M124 140l14 14m2-30 14 14"),
  ],
  boot: [path("M96 54h74v122q66 8 78 36v24H96Z"), line("M96 220h152M96 90h74")],
  bag: [
    rect(70, 118, 160, 120, 18),
    line("M110 118V96q0-32 40-32t40 32v22M70 152h160"),
    circle(150, 152, 8),
  ],
  backpack: [rect(88, 80, 124, 164, 30), rect(108, 170, 84, 56, 12), line("M126 80q24-30 48 0")],
  wallet: [rect(66, 96, 168, 112, 16), line("M66 126h168"), rect(170, 136, 64, 40, 10)],
  watch: [rect(124, 52, 52, 196, 12), circle(150, 150, 52), line("M150 150v-32m0 32h26")],
  smartwatch: [
    rect(122, 48, 56, 204, 12),
    rect(102, 98, 96, 104, 24),
    line("M126 140h48m-48 22h30"),
  ],
  sunglasses: [
    circle(100, 150, 40),
    circle(200, 150, 40),
    line("M140 146q10-10 20 0M60 140 46 128m194 12 14-12"),
  ],
  necklace: [line("M90 70q0 120 60 130 60-10 60-130"), path("M150 196l18 30-18 30-18-30Z")],
  hat: [ellipse(150, 198, 110, 30), path("M96 196q0-86 54-86t54 86Z"), line("M100 176h100")],
  book: [rect(82, 56, 136, 188, 10), line("M106 56v188M126 100h70m-70 22h54M82 230h136")],
  earbuds: [path(EARBUD), `<path transform="translate(122 0)" d="${EARBUD}"/>`],
  headphones: [
    line("M80 170v-30q0-76 70-76t70 76v30"),
    rect(58, 150, 44, 80, 16),
    rect(198, 150, 44, 80, 16),
  ],
  speaker: [rect(84, 60, 132, 184, 24), ring(150, 182, 36), ring(150, 104, 16)],
  powerbank: [rect(96, 60, 108, 180, 20), line("M156 100l-24 42h26l-18 38M130 212h40")],
  charger: [rect(96, 110, 108, 110, 20), line("M126 110V76m48 34V76m-24 144v36")],
  phone: [rect(100, 50, 100, 200, 22), ring(130, 84, 10), ring(130, 112, 10)],
  mouse: [
    path("M150 70q60 0 60 80v30q0 60-60 60t-60-60v-30q0-80 60-80Z"),
    line("M150 70v60m-60 0h120"),
  ],
  keyboard: [
    rect(46, 100, 208, 104, 14),
    `<path fill="none" stroke-dasharray="12 10" d="M68 128h164M68 152h164"/>`,
    line("M104 178h92"),
  ],
  pot: [
    path("M70 130h160v80q0 30-30 30H100q-30 0-30-30Z"),
    path("M78 130q72-46 144 0Z"),
    circle(150, 100, 10),
    line("M70 152H48m182 0h22"),
  ],
  mug: [
    rect(84, 90, 110, 150, 14),
    line("M194 124h20q26 0 26 36t-26 36h-20M122 70q-10-14 0-28m30 28q-10-14 0-28"),
  ],
  teapot: [
    path("M86 150q0-40 64-40t64 40v58q0 28-28 28h-72q-28 0-28-28Z"),
    line("M86 172 54 140m160 0q32 10 26 56l-26 8"),
    path("M120 112q30-30 60 0Z"),
  ],
  bottle: [rect(112, 82, 76, 162, 26), rect(122, 52, 56, 34, 8), line("M112 150h76")],
  bedding: [rect(50, 120, 200, 100, 14), rect(70, 96, 72, 38, 12), line("M50 170h200")],
  towel: [rect(70, 192, 160, 50, 12), rect(62, 146, 176, 50, 12), rect(70, 100, 160, 50, 12)],
  vase: [path("M126 60h48v26q46 34 40 94-8 64-64 64t-64-64q-6-60 40-94Z")],
  candle: [
    rect(92, 110, 116, 130, 18),
    `<rect fill="none" x="108" y="150" width="84" height="50" rx="8"/>`,
    path("M150 66q18 26 0 40-18-14 0-40Z"),
  ],
  pillow: [
    path("M70 80q80 16 160 0-14 70 0 140-80-16-160 0 14-70 0-140Z"),
    `<path fill="none" stroke-dasharray="8 8" d="M96 108q54 10 108 0"/>`,
  ],
  lamp: [path("M104 60h92l30 90H74Z"), line("M150 150v76"), rect(106, 224, 88, 18, 8)],
  jar: [rect(82, 128, 136, 110, 22), rect(92, 96, 116, 36, 10), line("M110 184h80")],
  dropper: [
    rect(108, 128, 84, 116, 18),
    rect(128, 104, 44, 26, 6),
    path("M136 104V70q14-20 28 0v34Z"),
  ],
  tube: [path("M112 60h76l12 154H100Z"), rect(112, 214, 76, 30, 8), line("M132 100h36")],
  pump: [rect(100, 112, 100, 132, 22), rect(124, 92, 52, 22, 6), line("M150 92V66h38M124 160h52")],
  lipstick: [rect(116, 150, 68, 94, 10), rect(124, 116, 52, 36, 6), path("M128 116V80l44-18v54Z")],
  polish: [rect(98, 136, 104, 106, 22), rect(126, 56, 48, 82, 10)],
  perfume: [
    rect(86, 110, 128, 128, 26),
    rect(132, 86, 36, 26, 6),
    rect(122, 56, 56, 32, 8),
    line("M110 134v40"),
  ],
  onesie: [path("M112 60q38 26 76 0l38 24-16 36-14-8v78l-20 50h-52l-20-50v-78l-14 8-16-36Z")],
  babybottle: [
    rect(108, 120, 84, 124, 24),
    rect(104, 100, 92, 24, 8),
    path("M124 100q4-40 26-44 22 4 26 44Z"),
    line("M108 160h22m-22 26h22m-22 26h22"),
  ],
  highchair: [rect(90, 80, 120, 90, 20), line("M74 170h152M104 170l-24 78m116-78 24 78")],
  bib: [path("M96 70q54 56 108 0 32 30 32 90 0 80-86 80t-86-80q0-60 32-90Z"), line("M110 190h80")],
  stroller: [
    path("M82 140q0-74 68-74v74Z"),
    path("M82 140h144q-6 60-76 60-60 0-68-60Z"),
    line("M226 140l20-44"),
    circle(106, 226, 18),
    circle(196, 226, 18),
  ],
  tent: [
    path("M150 60l104 180H46Z"),
    `<path fill-opacity=".35" fill="#000" d="M150 150l-28 90h56Z"/>`,
  ],
  sleepingbag: [rect(96, 50, 108, 200, 50), ellipse(150, 96, 30, 22), line("M150 122v108")],
  chair: [
    path("M80 150h140l-10 30H90Z"),
    line("M96 150l14-80h80l14 80M100 180l100 68m0-68-100 68"),
  ],
  torch: [rect(70, 120, 110, 60, 20), circle(180, 150, 34), line("M220 126l42-22m-42 70 42 22")],
  mat: [rect(64, 120, 172, 86, 43), ring(107, 163, 26), ring(107, 163, 10)],
  dumbbell: [
    line("M80 150h140"),
    rect(62, 104, 30, 92, 8),
    rect(208, 104, 30, 92, 8),
    rect(92, 118, 22, 64, 6),
    rect(186, 118, 22, 64, 6),
  ],
  band: [
    `<ellipse fill="none" stroke-width="16" cx="150" cy="112" rx="74" ry="38"/>`,
    `<ellipse fill="none" stroke-width="16" cx="150" cy="196" rx="84" ry="42"/>`,
  ],
  helmet: [path("M62 190q0-110 88-110t88 110Z"), line("M120 100v50m30-58v58m30-50v50M54 190h192")],
  snorkel: [rect(70, 110, 150, 80, 36), line("M145 114v72M232 130V64q0-16 14-16")],
  goggles: [
    rect(58, 120, 80, 60, 30),
    rect(162, 120, 80, 60, 30),
    line("M138 150h24M58 150H40m202 0h18"),
  ],
  ball: [
    circle(150, 150, 90),
    path("M150 118l30 22-12 36h-36l-12-36Z"),
    line("M150 118V60m30 80 54-18m-66 54 30 46m-66-46-30 46m18-82-54-18"),
  ],
  blocks: [rect(64, 156, 80, 80, 10), rect(156, 156, 80, 80, 10), rect(110, 72, 80, 80, 10)],
  boardgame: [
    rect(60, 80, 180, 140, 14),
    line("M60 120h180"),
    rect(180, 170, 60, 60, 12),
    circle(196, 186, 4),
    circle(224, 214, 4),
  ],
  teddy: [
    circle(100, 82, 24),
    circle(200, 82, 24),
    ellipse(150, 214, 62, 44),
    circle(150, 122, 54),
    ellipse(150, 138, 20, 14),
  ],
  puzzle: [path("M80 100h50q-6-30 20-30t20 30h50v50q30-6 30 20t-30 20v50H80Z")],
  car: [
    path("M50 200v-30l36-10 30-40h74l32 40q30 6 30 26v14Z"),
    line("M124 130h58l20 30h-94Z"),
    circle(96, 204, 22),
    circle(206, 204, 22),
  ],
};

function hexToRgb(hex) {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function mix(hex, target, amount) {
  const [r, g, b] = hexToRgb(hex);
  const [tr, tg, tb] = hexToRgb(target);
  const ch = (a, t) =>
    Math.round(a + (t - a) * amount)
      .toString(16)
      .padStart(2, "0");
  return `#${ch(r, tr)}${ch(g, tg)}${ch(b, tb)}`;
}

function luminance(hex) {
  const [r, g, b] = hexToRgb(hex);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/**
 * One product illustration. Outlines and details are a darker shade on light colours and a
 * lighter one on dark colours, so white shirts and black boots both stay visible.
 */
export function productSvg({ icon, hex }) {
  const shapes = ICONS[icon] ?? ICONS.blocks;
  const background = mix(hex, "#ffffff", 0.84);
  const detail = luminance(hex) < 0.35 ? mix(hex, "#ffffff", 0.5) : mix(hex, "#000000", 0.42);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 300" width="300" height="300">` +
    `<rect width="300" height="300" fill="${background}"/>` +
    `<circle cx="150" cy="150" r="124" fill="#fff" fill-opacity=".5"/>` +
    `<ellipse cx="150" cy="262" rx="96" ry="10" fill="#000" fill-opacity=".08"/>` +
    `<g fill="${hex}" stroke="${detail}" stroke-width="6" stroke-linejoin="round" ` +
    `stroke-linecap="round">${shapes.join("")}</g></svg>\n`
  );
}

export const ICON_NAMES = Object.keys(ICONS);

/** Shopping-bag mark shared by the logo and the favicon. */
const MARK =
  `<path fill="#1d4ed8" d="M6 14h28l-2 22a3 3 0 0 1-3 3H11a3 3 0 0 1-3-3Z"/>` +
  `<path fill="none" stroke="#1d4ed8" stroke-width="3" stroke-linecap="round" ` +
  `d="M14 16v-4a6 6 0 0 1 12 0v4"/><circle cx="20" cy="26" r="4" fill="#f59e0b"/>`;

export function logoSvg(name) {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 190 44" width="190" height="44">` +
    `<g transform="translate(0 2)">${MARK}</g>` +
    `<text x="46" y="31" font-family="system-ui,-apple-system,'Segoe UI',Roboto,sans-serif" ` +
    `font-size="23" font-weight="700" fill="#0f172a">${name}</text></svg>\n`
  );
}

export function faviconSvg() {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 42">${MARK}</svg>\n`;
}
