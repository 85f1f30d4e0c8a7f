import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { DEFAULT_CORPUS_DIR } from "../src/core/briefbot.js";
import { extractCasualtiesFrom, extractFromSentence, filterIncidents } from "../src/core/extract/casualties.js";
import { renderCasualtyChart } from "../src/core/extract/casualty-chart.js";
import { chunkDocuments } from "../src/core/ingest/chunker.js";
import { loadCorpus } from "../src/core/ingest/corpus.js";

const one = (text: string) => extractFromSentence({ source: "news.md", paragraph: 1, text }).map(({ citation, ...rest }) => rest);
const exact = (count: number) => ({ count, bound: "exact" });

describe("casualty extraction from the shipped brief", () => {
  it("finds every incident with its exact figures, place, time and citation", async () => {
    const corpus = await loadCorpus(DEFAULT_CORPUS_DIR);
    const incidents = extractCasualtiesFrom(chunkDocuments(corpus.documents));
    const rows = incidents.map((i) => [i.aggregate, i.place, i.when, i.killed, i.injured, i.killedOrInjured, i.citation.paragraph]);
    expect(rows).toEqual([
      [true, null, "since 2021", null, null, { count: 700, bound: "at least" }, 5],
      [false, "Kabul", "last year", null, null, { count: 120, bound: "more than" }, 5],
      [false, "Abdul Rahim Shahid High School, Kabul", null, exact(6), exact(20), null, 5],
      [false, "Seh Dokan Mosque, Mazar-i Sharif", "last year", { count: 31, bound: "at least" }, null, null, 5],
      [false, "Kabul", "last year", exact(6), null, null, 7],
      // The ambassador's bodyguard: the second half of the sentence about the embassy in Kabul.
      [false, "Kabul", "last year", null, exact(1), null, 7],
      [false, "Shah Cheragh Shrine, Shiraz", "in 2022", exact(15), null, null, 7],
    ]);
    expect(incidents[0]!.perpetrator).toBe("IS-KP");
    for (const i of incidents) {
      const doc = corpus.documents.find((d) => d.source === i.citation.source)!;
      expect(doc.text).toContain(i.citation.quote);
    }
    // Deportations and attack counts are not casualties.
    expect(incidents.some((i) => [i.killed, i.injured, i.killedOrInjured].some((f) => f?.count === 4700 || f?.count === 13))).toBe(false);
    expect(filterIncidents(incidents, { place: "kabul" })).toHaveLength(4);
    expect(filterIncidents(incidents, { minKilled: 10 }).map((i) => i.killed!.count)).toEqual([31, 15]);
  });
});

describe("casualty extraction from other phrasings", () => {
  it.each([
    ["A car bomb in Kandahar on Monday left 53 dead and 110 wounded.", { killed: exact(53), injured: exact(110), place: "Kandahar", when: "on Monday" }],
    ["One person was killed and eight others were wounded when gunmen stormed a hotel in Kabul.", { killed: exact(1), injured: exact(8), place: "Kabul" }],
    ["Gunmen opened fire on a bus near Quetta, killing 12 passengers and wounding at least 18.", { killed: exact(12), injured: { count: 18, bound: "at least" }, place: "Quetta" }],
    ["A suicide blast at a mosque in Peshawar killed at least 18 people and injured more than 40, police said.", { killed: { count: 18, bound: "at least" }, injured: { count: 40, bound: "more than" } }],
    ["The Islamic State claimed responsibility for the blast in Kunduz, which killed twenty-five worshippers.", { killed: exact(25), perpetrator: "Islamic State", place: "Kunduz" }],
    ["A roadside bomb killed a soldier in Helmand province last week.", { killed: exact(1), when: "last week" }],
    ["Two policemen died in the clash in Jalalabad on Friday.", { killed: exact(2), place: "Jalalabad" }],
    ["The explosion killed and wounded nearly two hundred people in March 2023.", { killedOrInjured: exact(200), when: "March 2023" }],
    // A figure restated in brackets, as formal reports and cables write them.
    ["The bomb at the Velmora depot left 9 (nine) people killed and 31 (thirty-one) injured.", { killed: exact(9), injured: exact(31), place: "Velmora" }],
    ["Officials in Kestrel gave twenty-one (21) dead and 64 injured.", { killed: exact(21), injured: exact(64), place: "Kestrel" }],
    // Military reporting's abbreviations, before or after the figure.
    ["Final figures for the raid on the Velmora outpost: KIA 9 WIA 21.", { killed: exact(9), injured: exact(21), place: "Velmora" }],
    ["RAID ON THE VELMORA OUTPOST: KIA: NINE, WIA 21.", { killed: exact(9), injured: exact(21) }],
    ["Four KIA and 12 WIA near the bridge at Kestrel.", { killed: exact(4), injured: exact(12) }],
    ["The patrol near Kestrel reported 3 KIA and 12 WIA.", { killed: exact(3), injured: exact(12), place: "Kestrel" }],
    // A figure after "among the" is the group a death belongs to, not a death toll; the wounded who died are deaths.
    ["A driver who was among the 70 people wounded in Velmora died in hospital on Monday.", { killed: null, injured: exact(70), place: "Velmora" }],
    ["Five people wounded in the Kestrel blast died overnight.", { killed: exact(5) }],
    ["A bomb destroyed the airliner over the desert near Kestrel, killing all 170 people on board.", { killed: exact(170), place: "Kestrel" }],
    ["Rebels set the dormitories in Velmora alight, and eighty students were burned to death.", { killed: exact(80), place: "Velmora" }],
    ["Seventeen people died in the bus fire in Kestrel. The wounded numbered 15.", { killed: exact(17), injured: exact(15), place: "Kestrel" }],
    // Common wordings of harm: "left N injured" is no toll; injuries sustained or suffered are injuries.
    ["The explosion in Velmora left 23 people injured.", { killed: null, injured: exact(23), place: "Velmora" }],
    ["The bomb in Velmora left 12 dead and 30 injured.", { killed: exact(12), injured: exact(30), place: "Velmora" }],
    ["In Kestrel eleven soldiers lost their lives and 20 suffered wounds.", { killed: exact(11), injured: exact(20), place: "Kestrel" }],
    ["The attack in Velmora caused 14 deaths and 40 injuries.", { killed: exact(14), injured: exact(40), place: "Velmora" }],
    ["Five people wounded in Kestrel succumbed to their injuries overnight.", { killed: exact(5) }],
    ["Militants stormed a hotel in the capital, Velmora, killing 12 guests.", { killed: exact(12), place: "Velmora" }],
    ["After the blast in Kestrel, hospitals treated 57 people for injuries.", { injured: exact(57), place: "Kestrel" }],
    // A cable in capitals: its names are told from its other words by the dictionary, not by case.
    ["A CAR BOMB DETONATED AT THE MARKET IN VELMORA ON 9 MAY 2018, KILLING 12 AND WOUNDING 30.", { killed: exact(12), injured: exact(30), place: "Velmora" }],
  ])("%s", (sentence, expected) => {
    const incidents = one(sentence);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ aggregate: false, ...expected });
  });

  it("keeps aggregates apart and ignores numbers that are not casualties", () => {
    expect(one("The group has carried out more than 40 attacks since 2020, killing over 300 people in total.")).toEqual([
      expect.objectContaining({ aggregate: true, killed: { count: 300, bound: "more than" }, when: "since 2020" }),
    ]);
    expect(one("Authorities deported 1,200 refugees last month.")).toEqual([]);
    expect(one("The militia has claimed 13 attacks this year.")).toEqual([]);
    expect(one("Police arrested 40 suspects in 2022.")).toEqual([]);
    // Brackets that do not restate the figure are left alone.
    expect(one("The bomb in Velmora killed 12 (police figures) and wounded 30.")[0]).toMatchObject({ killed: exact(12), injured: exact(30) });
    // KIA in capitals only, and not before a noun: these are vehicles.
    expect(one("A CONVOY OF 12 KIA TRUCKS REACHED VELMORA.")).toEqual([]);
    expect(one("Rebels seized 4 kia pickups near Kestrel.")).toEqual([]);
  });

  it("counts the others killed along with someone named", () => {
    expect(one("In Kestrel a car bomb went off at the gate; the bomber was killed, along with ten others.")[0]).toMatchObject({ place: "Kestrel", killed: exact(10) });
    expect(one("In Kestrel two guards were wounded, together with three others.")[0]).toMatchObject({ place: "Kestrel", injured: exact(5) });
    // One told of and the others: all of them, unless that one is the attacker.
    expect(one("In Kestrel the mayor was killed along with two others.")[0]).toMatchObject({ killed: exact(3) });
  });

  it("splits two incidents in one sentence", () => {
    const incidents = one("A drone strike in Khost killed four people; in addition, a mine near Ghazni injured a shepherd.");
    expect(incidents.map((i) => [i.place, i.killed, i.injured])).toEqual([
      ["Khost", exact(4), null],
      ["Ghazni", null, exact(1)],
    ]);
  });
});

describe("casualty chart", () => {
  it("renders a valid PNG with single incidents and aggregates", async () => {
    const corpus = await loadCorpus(DEFAULT_CORPUS_DIR);
    const png = await renderCasualtyChart(extractCasualtiesFrom(chunkDocuments(corpus.documents)));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe("png");
    expect(meta.width).toBeGreaterThan(400);
    expect(meta.height).toBeGreaterThan(200);
    const stats = await sharp(png).stats();
    // Not a blank image: some channel varies.
    expect(stats.channels.some((c) => c.stdev > 10)).toBe(true);
  });
});
