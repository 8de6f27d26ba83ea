import { describe, expect, it } from "vitest";
import {
  currencyOf,
  DEFAULT_ZONE_CLIMATE,
  daypart,
  isValidTimeZone,
  knownZones,
  localTime,
  seasonOf,
  utcOffsetMinutes,
  zoneClimate,
} from "./climate.js";

describe("zoneClimate", () => {
  it.each([
    ["Europe/Istanbul", "north", "temperate"],
    ["Europe/London", "north", "temperate"],
    ["Europe/Moscow", "north", "continental"],
    ["Asia/Dubai", "north", "arid"],
    ["Asia/Riyadh", "north", "arid"],
    ["Asia/Singapore", "north", "tropical"],
    ["Asia/Jakarta", "south", "tropical"],
    ["Asia/Tokyo", "north", "temperate"],
    ["Asia/Kolkata", "north", "temperate"],
    ["Asia/Calcutta", "north", "temperate"],
    ["Australia/Sydney", "south", "temperate"],
    ["Australia/Darwin", "south", "tropical"],
    ["Pacific/Auckland", "south", "temperate"],
    ["America/Sao_Paulo", "south", "temperate"],
    ["America/Manaus", "south", "tropical"],
    ["America/Argentina/Buenos_Aires", "south", "temperate"],
    ["America/New_York", "north", "temperate"],
    ["America/Chicago", "north", "continental"],
    ["America/Phoenix", "north", "arid"],
    ["America/Anchorage", "north", "continental"],
    ["America/Nuuk", "north", "polar"],
    ["Africa/Johannesburg", "south", "temperate"],
    ["Africa/Cairo", "north", "arid"],
    ["Africa/Lagos", "north", "tropical"],
    ["Atlantic/Reykjavik", "north", "continental"],
    ["Indian/Maldives", "north", "tropical"],
  ])("%s → %s %s", (zone, hemisphere, climate) => {
    expect(zoneClimate(zone)).toEqual({ hemisphere, climate });
  });

  it("falls back by prefix for zones not in the table", () => {
    expect(zoneClimate("Australia/Lindeman")).toEqual({
      hemisphere: "south",
      climate: "temperate",
    });
    expect(zoneClimate("America/Argentina/Salta")).toEqual({
      hemisphere: "south",
      climate: "temperate",
    });
    expect(zoneClimate("Antarctica/Troll")).toEqual({ hemisphere: "south", climate: "polar" });
    expect(zoneClimate("Arctic/Anything")).toEqual({ hemisphere: "north", climate: "polar" });
    expect(zoneClimate("Africa/Timbuktu").climate).toBe("tropical");
    expect(zoneClimate("America/Indiana/Knox").climate).toBe("continental");
  });

  it("gives north temperate for unknown zones, UTC and garbage", () => {
    expect(DEFAULT_ZONE_CLIMATE).toEqual({ hemisphere: "north", climate: "temperate" });
    for (const zone of ["UTC", "Etc/GMT+3", "Mars/Olympus_Mons", "", "__proto__", "constructor"])
      expect(zoneClimate(zone)).toEqual(DEFAULT_ZONE_CLIMATE);
  });

  const AREAS = [
    "Europe",
    "Asia",
    "Africa",
    "America",
    "Australia",
    "Pacific",
    "Atlantic",
    "Indian",
    "Arctic",
    "Antarctica",
  ];
  it("places 140 of the most-used zones, on every continent, by table, prefix or default", () => {
    const expected: Record<string, string> = {
      "north temperate":
        "Europe/Istanbul London Paris Berlin Madrid Rome Amsterdam Brussels Vienna Zurich Prague Lisbon Dublin Athens Bratislava Budapest Belgrade Sofia Copenhagen Asia/Tokyo Shanghai Hong_Kong Taipei Kolkata Tehran Baku Jerusalem Beirut Tbilisi America/New_York Los_Angeles Vancouver Mexico_City Africa/Algiers Tunis Casablanca Atlantic/Canary Azores",
      "south temperate":
        "Australia/Sydney Melbourne Brisbane Perth Adelaide Hobart Pacific/Auckland America/Sao_Paulo Argentina/Buenos_Aires Buenos_Aires Argentina/Cordoba Santiago Montevideo Africa/Johannesburg",
      "north continental":
        "Europe/Moscow Kyiv Kiev Warsaw Stockholm Oslo Helsinki Minsk Bucharest Riga Asia/Seoul Almaty Tashkent Yekaterinburg Novosibirsk Vladivostok America/Chicago Denver Detroit Toronto Montreal Edmonton Winnipeg Anchorage Halifax Indiana/Indianapolis Atlantic/Reykjavik",
      "north arid":
        "Asia/Dubai Riyadh Qatar Kuwait Baghdad Karachi Muscat Amman Africa/Cairo Khartoum Tripoli America/Phoenix Monterrey",
      "south arid": "America/Lima Africa/Windhoek",
      "north tropical":
        "Asia/Singapore Bangkok Manila Kuala_Lumpur Ho_Chi_Minh Saigon Dhaka Colombo Yangon Africa/Lagos Accra Abidjan Addis_Ababa Kampala America/Bogota Caracas Panama Havana Puerto_Rico Cancun Guatemala Pacific/Honolulu Guam Indian/Maldives",
      "south tropical":
        "Asia/Jakarta Africa/Nairobi Kinshasa Luanda Dar_es_Salaam Maputo America/Manaus Recife Fortaleza Belem Bahia Guayaquil Australia/Darwin Pacific/Fiji Port_Moresby Tahiti Indian/Mauritius Reunion",
      "north polar": "America/Nuuk Iqaluit Arctic/Longyearbyen",
      "south polar": "Antarctica/McMurdo Atlantic/Stanley",
    };
    let count = 0;
    for (const [want, list] of Object.entries(expected)) {
      let area = "";
      for (const word of list.split(" ")) {
        // "Area/City" switches area; a bare city, or "Argentina/…", continues it.
        const [head = "", tail] = word.split(/\/(.*)/);
        if (tail && AREAS.includes(head)) area = head;
        const zone = tail && AREAS.includes(head) ? word : `${area}/${word}`;
        const { hemisphere, climate } = zoneClimate(zone);
        expect(`${hemisphere} ${climate}`, zone).toBe(want);
        expect(isValidTimeZone(zone), zone).toBe(true);
        count++;
      }
    }
    expect(count).toBeGreaterThanOrEqual(140);
  });

  it("names only real zones, beyond what prefixes and the default already place", () => {
    const zones = knownZones();
    expect(zones.length).toBeGreaterThanOrEqual(150);
    expect(zones.filter((z) => !isValidTimeZone(z))).toEqual([]);
    expect(zones.filter((z) => zoneClimate(z) === DEFAULT_ZONE_CLIMATE)).toEqual([]);
  });
});

describe("utcOffsetMinutes", () => {
  const jan = Date.UTC(2026, 0, 15, 12);
  const jul = Date.UTC(2026, 6, 15, 12);
  it("reads the zone's offset at that moment, daylight saving included", () => {
    expect(utcOffsetMinutes("Europe/Istanbul", jan)).toBe(180);
    expect(utcOffsetMinutes("America/New_York", jan)).toBe(-300);
    expect(utcOffsetMinutes("America/New_York", jul)).toBe(-240);
    expect(utcOffsetMinutes("Australia/Sydney", jan)).toBe(660);
    expect(utcOffsetMinutes("Australia/Sydney", jul)).toBe(600);
    expect(utcOffsetMinutes("Asia/Kathmandu", jan)).toBe(345);
    expect(utcOffsetMinutes("UTC", jan)).toBe(0);
    // Milliseconds in the clock do not shift the result.
    expect(utcOffsetMinutes("Asia/Kolkata", jan + 999)).toBe(330);
  });

  it("falls back to UTC for an invalid zone or clock, without throwing", () => {
    expect(isValidTimeZone("Not/A_Zone")).toBe(false);
    expect(utcOffsetMinutes("Not/A_Zone", jan)).toBe(0);
    expect(utcOffsetMinutes("", jan)).toBe(0);
    expect(utcOffsetMinutes("Europe/Istanbul", Number.NaN)).toBe(0);
  });
});

describe("localTime and daypart", () => {
  it("reads weekday, hour and daypart in the shopper's time across a UTC day boundary", () => {
    // Sunday 22:30 UTC is Monday 01:30 in Istanbul.
    const sundayNight = Date.UTC(2026, 10, 22, 22, 30);
    expect(new Date(sundayNight).getUTCDay()).toBe(0);
    expect(localTime(sundayNight, 180)).toEqual({
      month: 10,
      weekday: 0,
      hour: 1,
      hourOfWeek: 1,
      daypart: "night",
    });
    // Monday 03:00 UTC is Sunday 19:00 in Los Angeles.
    const mondayEarly = Date.UTC(2026, 10, 23, 3);
    const la = localTime(mondayEarly, utcOffsetMinutes("America/Los_Angeles", mondayEarly));
    expect(la).toEqual({
      month: 10,
      weekday: 6,
      hour: 19,
      hourOfWeek: 6 * 24 + 19,
      daypart: "evening",
    });
    // New Year's Eve in UTC is already January in Sydney.
    expect(localTime(Date.UTC(2026, 11, 31, 14), 660).month).toBe(0);
  });

  it.each([
    [4, "night"],
    [5, "morning"],
    [11, "morning"],
    [12, "afternoon"],
    [16, "afternoon"],
    [17, "evening"],
    [21, "evening"],
    [22, "night"],
    [0, "night"],
  ])("hour %i is %s", (hour, part) => {
    expect(daypart(hour)).toBe(part);
  });
});

describe("seasonOf", () => {
  const at = (zone: string) => zoneClimate(zone);
  it("flips between hemispheres and is always summer in the tropics", () => {
    expect(seasonOf(11, at("Europe/Istanbul"))).toBe("winter");
    expect(seasonOf(11, at("Australia/Sydney"))).toBe("summer");
    expect(seasonOf(6, at("Australia/Sydney"))).toBe("winter");
    expect(seasonOf(6, at("Asia/Dubai"))).toBe("summer");
    expect(seasonOf(0, at("Asia/Singapore"))).toBe("summer");
    expect(seasonOf(6, at("Asia/Singapore"))).toBe("summer");
    expect(seasonOf(3, at("Europe/Berlin"))).toBe("spring");
    expect(seasonOf(9, at("Europe/Berlin"))).toBe("autumn");
    expect(seasonOf(3, at("America/Sao_Paulo"))).toBe("autumn");
    expect(seasonOf(9, at("Africa/Johannesburg"))).toBe("spring");
  });
});

describe("currencyOf", () => {
  it.each([
    ["tr-TR", "TRY"],
    ["tr", "TRY"],
    ["en-US", "USD"],
    ["en", "USD"],
    ["en-GB", "GBP"],
    ["de-DE", "EUR"],
    ["de-AT", "EUR"],
    ["fr-FR", "EUR"],
    ["de-CH", "CHF"],
    ["ja-JP", "JPY"],
    ["en-AU", "AUD"],
    ["pt-BR", "BRL"],
    ["ar-SA", "SAR"],
    ["ar-AE", "AED"],
    ["ru-RU", "RUB"],
    ["ko", "KRW"],
    ["es-419", "USD"],
    ["xx-ZZ", "USD"],
    ["not a locale!", "USD"],
    ["", "USD"],
  ])("%s → %s", (locale, currency) => {
    expect(currencyOf(locale)).toBe(currency);
  });
});
