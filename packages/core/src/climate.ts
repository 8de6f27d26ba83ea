/**
 * Where the shopper is in the year and the day, from the browser's time zone alone (no IP
 * lookup): hemisphere and climate band from a static table of IANA zones, and the local clock
 * from `Intl`. Currency from the locale's region. Pure functions; the clock is passed in.
 */
import type { Climate, Daypart, Hemisphere, Season } from "./recognize.js";

/** Hemisphere and climate band of a time zone. */
export interface ZoneClimate {
  hemisphere: Hemisphere;
  climate: Climate;
}

/**
 * Zones by climate band, as `band hemisphere` then `Area:City,City …` groups; an empty city
 * (`Africa:` is "Africa/") or one ending in "/" (`America:Indiana/`) names a prefix, which places
 * the zones under it that are not listed themselves. Sorted alphabetically at every level, which
 * compresses best. A zone is placed by the climate of the place most of its shoppers live in (a
 * zone can span several): what "warm clothes" means there. Bands: tropical = hot all year; arid = hot and dry with mild winters;
 * temperate = four seasons, mild-to-cool winters; continental = cold, snowy winters; polar =
 * cold most of the year.
 *
 * The temperate north is the default (see {@link DEFAULT_ZONE_CLIMATE}), so its zones —
 * Europe/Istanbul, Europe/London, Europe/Paris, Asia/Tokyo, Asia/Shanghai, America/New_York,
 * America/Los_Angeles, most of Europe, the Mediterranean and East Asia — are not listed, nor are
 * zones their prefix already places (Australia/Sydney, Pacific/Fiji, Indian/Mauritius, Africa/Lagos).
 * Most of Africa's land and people are in the tropics, hence `Africa:` as tropical north.
 *
 * Choices worth knowing:
 * - America/Sao_Paulo is temperate south: the zone holds São Paulo, Curitiba and Porto Alegre,
 *   whose June–August winters sell jackets; Brazil's tropical north has its own zones.
 * - Asia/Kolkata (all of India) is temperate: north India has a real winter-wear season, and
 *   temperate only filters winter items in summer, where tropical would hide them all year.
 * - Hong Kong and Taipei are temperate: humid subtropical with a cool season.
 * - Chrome reports ICU's older canonical names (Asia/Calcutta, Europe/Kiev, Asia/Saigon…), so
 *   both spellings are listed.
 */
const TABLE =
  "arid north|Africa:Asmara,Cairo,Dakar,Djibouti,El_Aaiun,Khartoum,Mogadishu,Ndjamena,Niamey,Nouakchott,Tripoli America:Chihuahua,Ciudad_Juarez,Hermosillo,Monterrey,Phoenix Asia:Aden,Amman,Ashgabat,Baghdad,Bahrain,Damascus,Dubai,Karachi,Kuwait,Muscat,Qatar,Riyadh Atlantic:Cape_Verde" +
  ";arid south|Africa:Gaborone,Windhoek America:Argentina/Mendoza,Lima Australia:Broken_Hill" +
  ";continental north|America:Anchorage,Boise,Chicago,Denver,Detroit,Edmonton,Halifax,Indiana/,Juneau,Moncton,Montreal,North_Dakota/,Regina,St_Johns,Toronto,Whitehorse,Winnipeg Asia:Almaty,Bishkek,Irkutsk,Kabul,Kamchatka,Krasnoyarsk,Magadan,Novosibirsk,Omsk,Pyongyang,Sakhalin,Seoul,Tashkent,Ulaanbaatar,Urumqi,Vladivostok,Yakutsk,Yekaterinburg,Yerevan Atlantic:Faroe,Reykjavik Europe:Bucharest,Chisinau,Helsinki,Kiev,Kyiv,Minsk,Moscow,Oslo,Riga,Samara,Stockholm,Tallinn,Vilnius,Volgograd,Warsaw" +
  ";polar north|America:Godthab,Inuvik,Iqaluit,Nome,Nuuk,Yellowknife Arctic: Asia:Anadyr" +
  ";polar south|America:Argentina/Ushuaia,Punta_Arenas Antarctica: Atlantic:Stanley Indian:Kerguelen" +
  ";temperate north|Africa:Algiers,Casablanca,Ceuta,Tunis America:Kentucky/" +
  ";temperate south|Africa:Harare,Johannesburg,Maseru,Mbabane America:Argentina/,Asuncion,Buenos_Aires,La_Paz,Montevideo,Santiago,Sao_Paulo Australia: Pacific:Auckland,Chatham,Easter" +
  ";tropical north|Africa: America:Aruba,Barbados,Belize,Bogota,Cancun,Caracas,Cayenne,Costa_Rica,Curacao,El_Salvador,Guadeloupe,Guatemala,Guyana,Havana,Jamaica,Managua,Martinique,Mazatlan,Merida,Nassau,Panama,Paramaribo,Port-au-Prince,Port_of_Spain,Puerto_Rico,Santo_Domingo,Tegucigalpa Asia:Bangkok,Brunei,Colombo,Dhaka,Ho_Chi_Minh,Kuala_Lumpur,Kuching,Manila,Phnom_Penh,Rangoon,Saigon,Singapore,Vientiane,Yangon Indian:Maldives Pacific:Guam,Honolulu,Majuro,Palau,Saipan" +
  ";tropical south|Africa:Blantyre,Brazzaville,Bujumbura,Dar_es_Salaam,Kigali,Kinshasa,Luanda,Lubumbashi,Lusaka,Maputo,Nairobi America:Bahia,Belem,Boa_Vista,Campo_Grande,Cuiaba,Fortaleza,Guayaquil,Maceio,Manaus,Porto_Velho,Recife,Rio_Branco Asia:Dili,Jakarta,Makassar Atlantic:St_Helena Australia:Darwin Indian: Pacific:";

/**
 * For an unknown zone (and UTC, Etc/*): north temperate — where most shoppers live, and the
 * mildest assumption, since seasons still apply and no kind of item is hidden all year.
 */
export const DEFAULT_ZONE_CLIMATE: ZoneClimate = { hemisphere: "north", climate: "temperate" };

let zones: Map<string, ZoneClimate> | undefined;

function zoneTable(): Map<string, ZoneClimate> {
  if (zones) return zones;
  zones = new Map();
  for (const band of TABLE.split(";")) {
    const [head = "", groups = ""] = band.split("|");
    const [climate, hemisphere] = head.split(" ") as [Climate, Hemisphere];
    const value = { hemisphere, climate };
    for (const group of groups.split(" ")) {
      const [area, cities = ""] = group.split(":");
      for (const city of cities.split(",")) zones.set(`${area}/${city}`, value);
    }
  }
  return zones;
}

/** The zones the table names, prefixes left out (for tests and docs). */
export function knownZones(): string[] {
  return [...zoneTable().keys()].filter((zone) => !zone.endsWith("/"));
}

/** Hemisphere and climate band of an IANA time zone; never throws. */
export function zoneClimate(timeZone: string): ZoneClimate {
  // The zone itself, then each prefix ending in "/", longest first ("America/Indiana/",
  // "America/"). No listed prefix is inside another, so the first found is the only match.
  for (let end = timeZone.length; end > 1; end = timeZone.lastIndexOf("/", end - 2) + 1) {
    const known = zoneTable().get(timeZone.slice(0, end));
    if (known) return known;
  }
  return DEFAULT_ZONE_CLIMATE;
}

/** One formatter per zone: constructing them is the expensive part. `null` = not a valid zone. */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (f !== undefined) return f;
  try {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    f = null;
  }
  // The zone comes from the browser, so a handful at most; the bound is only a safety net.
  if (formatters.size > 64) formatters.clear();
  formatters.set(timeZone, f);
  return f;
}

/** True when `Intl` knows the zone. */
export function isValidTimeZone(timeZone: string): boolean {
  return formatter(timeZone) !== null;
}

/** The zone's offset from UTC at `now`, in minutes (Istanbul: 180); 0 for an invalid zone. */
export function utcOffsetMinutes(timeZone: string, now: number): number {
  const f = formatter(timeZone);
  if (!f || !Number.isFinite(now)) return 0;
  const at = Math.floor(now / 1000) * 1000;
  const p: Record<string, number> = {};
  for (const { type, value } of f.formatToParts(at)) p[type] = Number(value);
  const local = Date.UTC(
    p.year ?? 1970,
    (p.month ?? 1) - 1,
    p.day,
    (p.hour ?? 0) % 24,
    p.minute,
    p.second,
  );
  return Math.round((local - at) / 60000);
}

/** The shopper's clock: calendar and time of day in their zone. */
export interface LocalTime {
  /** 0 = January. */
  month: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  hour: number;
  hourOfWeek: number;
  daypart: Daypart;
}

/** Local calendar and time of day at `now` for a zone `offsetMinutes` from UTC. */
export function localTime(now: number, offsetMinutes: number): LocalTime {
  const d = new Date((Number.isFinite(now) ? now : 0) + offsetMinutes * 60000);
  const hour = d.getUTCHours();
  const weekday = (d.getUTCDay() + 6) % 7;
  return {
    month: d.getUTCMonth(),
    weekday,
    hour,
    hourOfWeek: weekday * 24 + hour,
    daypart: daypart(hour),
  };
}

/** Morning 05–11, afternoon 12–16, evening 17–21, night 22–04. */
export function daypart(hour: number): Daypart {
  return hour >= 5 && hour < 12
    ? "morning"
    : hour >= 12 && hour < 17
      ? "afternoon"
      : hour >= 17 && hour < 22
        ? "evening"
        : "night";
}

const SEASONS: readonly Season[] = ["winter", "spring", "summer", "autumn"];

/**
 * Meteorological season for a month (0 = January): in the north Dec–Feb is winter, Mar–May
 * spring, Jun–Aug summer, Sep–Nov autumn; the south is two seasons on; the tropics are always
 * summer (no cold season to dress for).
 */
export function seasonOf(month: number, where: ZoneClimate): Season {
  if (where.climate === "tropical") return "summer";
  const north = Math.floor(((month + 1) % 12) / 3);
  return SEASONS[where.hemisphere === "south" ? (north + 2) % 4 : north] ?? "summer";
}

/** Currencies by region: `CUR:RG,RG …`. */
const CURRENCIES =
  "TRY:TR USD:US,EC,SV,PR,PA,GU,VI,AS,MH,FM,PW,TL,TC,VG,BQ,ZW EUR:AT,BE,BG,CY,DE,EE,ES,FI,FR,GR,HR,IE,IT,LT,LU,LV,MT,NL,PT,SI,SK,AD,MC,ME,SM,VA,XK,GP,MQ,GF,RE,YT,PM,BL,MF,AX GBP:GB,IM,JE,GG AUD:AU,NR,KI,TV NZD:NZ,CK,NU CAD:CA JPY:JP CHF:CH,LI SEK:SE NOK:NO,SJ DKK:DK,FO,GL PLN:PL CZK:CZ HUF:HU RON:RO RSD:RS MKD:MK ALL:AL BAM:BA MDL:MD ISK:IS RUB:RU UAH:UA BYN:BY GEL:GE AMD:AM AZN:AZ KZT:KZ UZS:UZ KGS:KG AED:AE SAR:SA QAR:QA KWD:KW BHD:BH OMR:OM JOD:JO IQD:IQ IRR:IR ILS:IL,PS LBP:LB EGP:EG MAD:MA,EH TND:TN DZD:DZ LYD:LY NGN:NG GHS:GH KES:KE ETB:ET TZS:TZ UGX:UG ZAR:ZA NAD:NA BWP:BW XOF:SN,CI,ML,BF,NE,BJ,TG,GW XAF:CM,GA,CG,TD,CF,GQ INR:IN PKR:PK BDT:BD LKR:LK NPR:NP CNY:CN HKD:HK TWD:TW KRW:KR SGD:SG IDR:ID MYR:MY THB:TH PHP:PH VND:VN BRL:BR MXN:MX ARS:AR CLP:CL COP:CO PEN:PE UYU:UY PYG:PY BOB:BO VES:VE CRC:CR GTQ:GT DOP:DO";

let currencies: Map<string, string> | undefined;

/**
 * Unknown region: USD, the currency most international price lists fall back to. The shop's own
 * currency is in its catalog; this is only the shopper's side.
 */
export const DEFAULT_CURRENCY = "USD";

/**
 * ISO 4217 currency of the locale's region ("tr-TR" → TRY). A locale without a region gets its
 * likely one from `Intl.Locale#maximize` ("tr" → TR, "en" → US).
 */
export function currencyOf(locale: string): string {
  if (!currencies) {
    currencies = new Map();
    for (const group of CURRENCIES.split(" ")) {
      const [code = "", regions = ""] = group.split(":");
      for (const region of regions.split(",")) currencies.set(region, code);
    }
  }
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    region = /[-_]([A-Za-z]{2})(?:[-_]|$)/.exec(locale)?.[1]?.toUpperCase();
  }
  return (region && currencies.get(region)) || DEFAULT_CURRENCY;
}
