import { describe, expect, it } from "vitest";
import { extractCasualtiesFrom, extractFromSentence, type Incident } from "../src/core/extract/casualties.js";
import { chunkDocuments } from "../src/core/ingest/chunker.js";

const one = (text: string) => extractFromSentence({ source: "note.txt", paragraph: 1, text });
const brief = (source: string, text: string): Incident[] => extractCasualtiesFrom(chunkDocuments([{ source, text }]));
const exact = (count: number) => ({ count, bound: "exact" });

describe("casualty wordings", () => {
  it.each([
    ["The health directorate recorded at least 57 deaths in the town.", "killed", { count: 57, bound: "at least" }],
    ["A review board later confirmed 318 deaths.", "killed", exact(318)],
    ["The ambush claimed nine lives.", "killed", exact(9)],
    ["Four firefighters die.", "killed", exact(4)],
    ["By nightfall the toll rose to 33.", "killed", exact(33)],
    ["The ministry raised the toll to 64 the next morning.", "killed", exact(64)],
    ["One Kenyan soldier was lightly wounded.", "injured", exact(1)],
    ["Villagers buried 27 bodies on Tuesday.", "killed", exact(27)],
    ["Thirty-one people were taken to hospital.", "injured", exact(31)],
    ["Rescuers said a hundred and ten people had been killed.", "killed", exact(110)],
    ["Eleven people, a child among them, were killed.", "killed", exact(11)],
    ["The toll was first given as fifteen but was later revised down to thirteen.", "killed", exact(13)],
    ["Police found the mayor's brother shot dead at his home in Velmora.", "killed", exact(1)],
    ["The mission later put the number of Kolo prisoners killed at 600.", "killed", exact(600)],
    ["Four pupils died at the school and a fifth in hospital the next day.", "killed", exact(5)],
  ] as const)("%s", (sentence, kind, figure) => {
    const incidents = one(sentence);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]![kind]).toEqual(figure);
  });

  it("adds up enumerated groups and keeps the parts out of the toll", () => {
    expect(one("The gunman shot dead three men and two women outside the café.")[0]!.killed).toEqual(exact(5));
    expect(one("The final count was 44 dead, 12 of them children.")[0]!.killed).toEqual(exact(44));
    // Figures by site after the toll are its breakdown, not more victims to add.
    expect(one("The twin blasts killed forty-two people, thirty-two at the Kolo stall and ten at Mesa Park.")[0]!.killed).toEqual(exact(42));
  });

  it("reads 'no one was killed' as zero and never turns 'dozens' into a number", () => {
    expect(one("A second device exploded in the car park but no one was killed.")[0]!.killed).toEqual(exact(0));
    const dozens = one("Dozens were wounded when the roof collapsed.")[0]!;
    expect(dozens.injured).toBeNull();
    expect(dozens.vague.injured).toBe("dozens");
  });

  it("ignores ages, durations, years, distances, arrests and displaced people", () => {
    for (const sentence of [
      "The 24-year-old gunman was shot after a 30-hour siege 20 km from the capital.",
      "Police arrested 40 suspects in 2019.",
      "Nearly 27,000 people had been displaced by the fighting.",
      "The town of 75,000 people was cut off for 12 days.",
      "More than 200 hostages were rescued.",
      "The toll at 18.30 stood at the same.",
    ]) expect(one(sentence), sentence).toEqual([]);
  });

  it("keeps a party's claim and the attackers' deaths apart from the toll", () => {
    const [i] = one("Officials said 12 people were killed, while the group asserted that 90 soldiers had died.");
    expect(i!.killed).toEqual(exact(12));
    expect(i!.history).toEqual([expect.objectContaining({ note: "claimed", figure: exact(90) })]);
    const [j] = one("He shot dead two guards before police killed him.");
    expect(j!.killed).toEqual(exact(2));
    expect(j!.attackersKilled).toEqual(exact(1));
    // A part of the attackers is their deaths; a part of the victims is still no toll.
    const [k] = one("Seven soldiers were killed at the post, and the army said 80 of the attackers had been killed.");
    expect(k!.killed).toEqual(exact(7));
    expect(k!.attackersKilled).toEqual(exact(80));
    expect(one("Officials said 30 of the victims were killed in the hall.")).toEqual([]);
  });

  it("reports totals over years as aggregates", () => {
    const [i] = one("The insurgency has killed more than 3,000 civilians since 2015.");
    expect(i!.aggregate).toBe(true);
    expect(i!.when).toBe("since 2015");
  });
});

describe("incidents assembled across a brief", () => {
  it("does not take a figure reported in the past perfect for an update of the present one", () => {
    const [i, ...rest] = brief(
      "update.md",
      [
        "# Velmora depot bombing",
        "",
        "Two more of the wounded from Friday's bombing of the Velmora depot died on Sunday, which brings the number of people killed to 31, the ministry said.",
        "",
        "The ministry had put the toll at 29 on Saturday.",
      ].join("\n"),
    );
    expect(rest).toEqual([]);
    expect(i!.killed).toEqual(exact(31));
  });

  it("keeps a later attack in the past perfect's company apart ('had put up checkpoints' reports no figure)", () => {
    const incidents = brief(
      "week.md",
      ["# Velmora week", "", "A bomb killed 12 people in Velmora on Monday.", "", "On Friday, gunmen who had put up checkpoints outside Velmora killed 5 people in Velmora."].join("\n"),
    );
    expect(incidents.map((i) => i.killed)).toEqual([exact(12), exact(5)]);
  });

  it("takes the place from the sentence before, the date from the heading, and the latest toll", () => {
    const [i, ...rest] = brief(
      "digest.md",
      [
        "# Weekly digest",
        "",
        "## 3 March 2022 — market, Larat",
        "",
        "A car bomb exploded in the cattle market at Larat. Early reports spoke of six dead. The toll later rose to 14, and 30 people were wounded.",
      ].join("\n"),
    );
    expect(rest).toEqual([]);
    expect(i!.place).toBe("Larat");
    expect(i!.when).toBe("3 March 2022");
    expect(i!.killed).toEqual(exact(14));
    expect(i!.injured).toEqual(exact(30));
    expect(i!.history).toEqual([expect.objectContaining({ note: "earlier figure", figure: exact(6) })]);
    // Every quote is the sentence that states its figure.
    expect(i!.citation.quote).toBe("The toll later rose to 14, and 30 people were wounded.");
  });

  it("reads a dated table's Attacks column as its own, not as a tally", () => {
    const incidents = brief("attacks.md", ["# Attacks", "", "| Date | Place | Attacks | Killed |", "|---|---|---|---|", "| 3 May 2024 | Velmora market | 2 | 14 |", ""].join("\n"));
    expect(incidents.map((i) => i.killed?.count)).toEqual([14]);
  });

  it("reads no incident from a table of totals: rows that count incidents, and a total row", () => {
    const incidents = brief(
      "trend.md",
      [
        "# Trend",
        "",
        "| Region | Incidents 2009 | Deaths 2009 | Incidents 2010 | Deaths 2010 |",
        "|---|---|---|---|---|",
        "| North-east (Velmora, Kestrel) | 9 | 58 | 22 | 231 |",
        "| **Total** | **70** | **472** | **110** | **888** |",
        "",
      ].join("\n"),
    );
    expect(incidents).toEqual([]);
  });

  it("reads incident tables row by row with their headers, and merges a row with the paragraph that tells it", () => {
    const incidents = brief(
      "bulletin.md",
      [
        "# Bulletin",
        "",
        "| Date | Location | Killed | Injured |",
        "|---|---|---|---|",
        "| 2 Jun 2021 | Tamba, Oru district | 12 | dozens |",
        "| 9 Jun 2021 | Keno | at least 8 | 3 |",
        "",
        "On 2 June 2021 gunmen attacked Tamba at dawn. A later count found that 15 people had been killed.",
      ].join("\n"),
    );
    expect(incidents).toHaveLength(2);
    const tamba = incidents.find((i) => i.place?.includes("Tamba"))!;
    expect(tamba.killed).toEqual(exact(15));
    expect(tamba.vague.injured).toBe("dozens");
    const keno = incidents.find((i) => i.place?.includes("Keno"))!;
    expect(keno.killed).toEqual({ count: 8, bound: "at least" });
    expect(keno.injured).toEqual(exact(3));
  });

  it("keeps two attacks in one section apart when each names its own place", () => {
    const incidents = brief("news.txt", "Attacks\n\nA bomb in Soro killed seven people. Another blast in Mena killed three.\n");
    expect(incidents.map((i) => [i.place, i.killed?.count])).toEqual([
      ["Soro", 7],
      ["Mena", 3],
    ]);
  });

  it("never dates an attack by a victim's later death, told in the sentence or the paragraph before", () => {
    const text = "# Review\n\nOn the afternoon of Wednesday, March 22nd, 2017, a car mounted the pavement on the Velmora bridge. A visitor was knocked into the river; she died in hospital on April 6th. Around 50 people were injured on the bridge.\n\nThe driver stabbed an officer at the gates. Five people were killed in the attack.\n";
    expect(brief("review.md", text).map((i) => [i.when, i.killed?.count ?? null, i.injured?.count ?? null])).toEqual([["Wednesday, March 22nd, 2017", 5, 50]]);
  });

  it("keeps two figures of one kind in one sentence as two groups of victims, not an update", () => {
    const text = "# Log\n\nIn Velmora, eleven people were killed in the market hall and seven people were killed in the street outside.\n";
    expect(brief("log.md", text).map((i) => [i.place, i.killed?.count])).toEqual([
      ["Velmora", 11],
      ["Velmora", 7],
    ]);
  });

  it("keeps them apart on a dated day too, where 'the first two minutes' is no early report, and a clock time is no figure", () => {
    const text = "# Log, Sunday 28 April 1996\n\n- **16:40** Scene count: 20 dead in the Velmora Café, nearly all within the first two minutes; 4 dead in the car park.\n- With the café dead the toll logged at 18:30 on Sunday rose from 24 to its final figure: thirty people killed at and near Kestrel Bay.\n";
    const incidents = brief("log.md", text);
    expect(incidents.map((i) => i.killed?.count)).toEqual([20, 4, 30]);
    expect(incidents.every((i) => i.history.every((h) => h.figure.count !== 18))).toBe(true);
    expect(incidents.map((i) => i.place)).not.toContain("Sunday");
    // An early report is still one: its figure is history once the next clause gives the toll.
    const early = brief("log.md", "# Log, Sunday 28 April 1996\n\nFirst reports spoke of 20 dead in the Velmora Café; the toll rose to 24.\n");
    expect(early.map((i) => i.killed?.count)).toEqual([24]);
  });

  it("never takes the language a report was given in for a place ('in Pashto')", () => {
    const text = "MONITORING DIGEST\n\nITEM 5\nSOURCE: Kestrel Radio in Pashto 1200 gmt 6 Apr 94\nA car packed with explosives blew up today beside a bus at a stop in the centre of the market. Police say eight people were killed; hospitals report 55 wounded.\n";
    expect(brief("digest.txt", text).map((i) => [i.place, i.killed?.count ?? null, i.injured?.count ?? null])).toEqual([
      [null, 8, null],
      [null, null, 55],
    ]);
  });

  it("places an item's toll by its label rather than a name its sentence only relates by 'of'", () => {
    const text = "# Review\n\n1. **Velmora, 1 May.** Gunmen fired on the staff of a depot. A guard of the Kestrel Watch was killed; a driver died of his wounds later, bringing the toll to two.\n";
    expect(brief("review.md", text).map((i) => [i.place, i.killed?.count])).toEqual([["Velmora", 2]]);
  });
});

describe("dates and events across briefs", () => {
  const two = (a: string, b: string) => extractCasualtiesFrom(chunkDocuments([{ source: "a.md", text: a }, { source: "b.md", text: b }]));

  it("places a relative date in time when the brief dates itself, and keeps it as written otherwise", () => {
    const [dated] = brief("wire.md", "# Blast in Tamba\n\n**TAMBA, 30 October 2022** — A bomb exploded at the market in Tamba on Saturday, killing nine people.\n");
    expect(dated!.when).toBe("29 October 2022");
    expect(dated!.whenAsWritten).toBe("on Saturday");
    expect(dated!.whenRelative).toBe(false);
    const [undated] = one("A bomb exploded at the market in Tamba on Saturday, killing nine people.");
    expect(undated!.when).toBe("on Saturday");
    expect(undated!.whenRelative).toBe(true);
  });

  it("makes one incident of the same attack told in two briefs, with both citations", () => {
    const incidents = two(
      "# Weekly note\n\nOn 4 May 2021 a bomb in the market at Kora killed nine people.\n",
      "# Digest\n\nGunmen and a car bomb struck Kora on 4 May 2021, killing 11 people.\n",
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.citations.map((c) => c.source).sort()).toEqual(["a.md", "b.md"]);
    expect(incidents[0]!.history).toEqual([expect.objectContaining({ figure: exact(11) })]);
    // Another place, or another day, stays apart.
    expect(two("On 4 May 2021 a bomb in Kora killed nine people.\n", "On 5 May 2021 a bomb in Kora killed two people.\n")).toHaveLength(2);
  });
});

describe("tolls over several sites", () => {
  it("gives each site of a broken-down toll its own incident and keeps the total whole", () => {
    const incidents = brief(
      "note.md",
      "# Twin blasts in Dara\n\nOn 3 May 2021 two bombs exploded in Dara. Officials counted 20 dead: 12 at Kolo and 8 at Mesa.\n",
    );
    const byPlace = (p: string) => incidents.find((i) => i.place === p);
    expect(incidents.find((i) => i.killed?.count === 20)).toBeDefined();
    expect(byPlace("Kolo")?.killed).toEqual(exact(12));
    expect(byPlace("Mesa")?.killed).toEqual(exact(8));
  });

  it("names a site called by a common noun with the name that places it ('13 on the bus in Kestrel Square')", () => {
    const incidents = brief("memo.md", "# Bombings in Dara\n\nThe inquests gave these figures for the dead: seven at Kolo, six at Mesa and 13 on the bus in Kestrel Square.\n");
    expect(incidents.find((i) => i.place === "bus in Kestrel Square")?.killed).toEqual(exact(13));
  });

  it("keeps the toll when more people 'also died' beside it, as a figure of their own, but revises it when the toll 'also rose'", () => {
    const incidents = brief("wire.md", "# Bombing in Dara\n\nOn 12 November 2003 a lorry bomb at the Kolo base left twenty-eight dead and 103 wounded. The two men in the lorry also died.\n");
    expect(incidents.map((i) => [i.killed?.count, i.injured?.count ?? null])).toEqual([
      [28, 103],
      [2, null],
    ]);
    const rose = brief("wire.md", "# Bombing in Dara\n\nOn 12 November 2003 a bomb killed 20 people at the market in Kolo. The death toll also rose to 25.\n");
    expect(rose.map((i) => i.killed?.count)).toEqual([25]);
  });

  it("reads an update in a second clause as an update, and an early report told after the toll as early ('Earlier, …')", () => {
    const day = "# Log\n\nOn Sunday 28 April 1996 a bomb in Kolo killed 12 people";
    expect(brief("log.md", `${day}; hospital officials said 15 were dead.\n`).map((i) => i.killed?.count)).toEqual([15]);
    const earlier = brief("log.md", `${day}. Earlier, officials had spoken of nine dead.\n`);
    expect(earlier.map((i) => [i.killed?.count, i.history.map((h) => h.note)])).toEqual([[12, ["initially reported"]]]);
  });

  it("gives each figure of a sentence the place named right after it, once", () => {
    for (const joint of ["; four", " and four"]) {
      const incidents = brief("log.md", `# Log\n\nTwenty people were killed in Kolo${joint} were killed in Mesa.\n`);
      expect(incidents.map((i) => [i.place, i.killed?.count]), joint).toEqual([
        ["Kolo", 20],
        ["Mesa", 4],
      ]);
    }
  });

  it("keeps two sites in one district apart, and reads a toll after a date with no comma", () => {
    const sites = brief("log.md", "# Log\n\nOn Sunday 28 April 1996 bombs killed 20 people in Kolo: seven at the market in the Old Town and 13 at the mosque in the Old Town.\n");
    expect(sites.map((i) => i.killed?.count)).toEqual([20, 7, 13]);
    expect(brief("log.md", "# Log\n\nOn Sunday 28 April 1996 twenty people were killed in Kolo.\n").map((i) => i.killed?.count)).toEqual([20]);
  });

  it("keeps a total told after its parts whole, and the first part its own incident", () => {
    for (const closing of ["an overall toll of 100 civilians", "and the army confirmed a total of 100 dead"]) {
      const incidents = brief("memo.md", `# Raids in Dara\n\nOn Saturday 2 January 2021 gunmen attacked two villages. The governor said 70 people were killed in Kolo and 30 in Mesa, ${closing}.\n`);
      expect(incidents.map((i) => i.killed?.count).sort((a, b) => a! - b!), closing).toEqual([30, 70, 100]);
    }
  });

  it("reads a placeless figure equal to the sum of the incidents told before it as the overall toll", () => {
    const incidents = brief(
      "wire.md",
      "# Bombings in Sora\n\nA bomb at a café in Kolo killed 15 people.\n\nA second bomb at the stadium in Mesa killed 49 people.\n\nSixty-four are confirmed dead, police said. A day later the toll had risen to 74.\n",
    );
    expect(incidents.map((i) => i.killed?.count)).toEqual([15, 49, 74]);
  });
});

describe("where and when an attack was, not where a victim died later", () => {
  it("dates an incident from an all-capitals heading ('EMBASSY, VELMORA (7 AUGUST)')", () => {
    const incidents = brief("summary.txt", ["SUMMARY", "", "EMBASSY, VELMORA (7 AUGUST)", "", "A bomb in a parked minibus exploded outside the embassy. Seventeen people were killed.", ""].join("\n"));
    expect(incidents.map((i) => [i.place, i.when, i.killed?.count])).toEqual([["EMBASSY, VELMORA", "7 AUGUST", 17]]);
  });

  it("takes a plain-text heading with a bracketed date, and skips a victim's clause after the toll", () => {
    const incidents = brief(
      "press.txt",
      [
        "PRESS SUMMARY",
        "",
        "MARKET SQUARE, VELMORA (21 August 2004)",
        "",
        "Grenades exploded at the rally. Twenty-four people were killed, among them the party secretary, Anna Roth, who was declared dead at the Kestrel Military Hospital on 24 August. More than 300 were injured.",
        "",
      ].join("\n"),
    );
    expect(incidents.map((i) => [i.place, i.when, i.killed?.count, i.injured?.count])).toEqual([["MARKET SQUARE, VELMORA", "21 August 2004", 24, 300]]);
  });

  it("keeps a clause that places the victims, and a bracket that ends a sentence", () => {
    expect(brief("a.txt", "Attacks\n\nTwenty people were killed, who had gathered at the market in Kestrel on 3 May 2024.\n").map((i) => [i.place, i.when])).toEqual([["Kestrel", "3 May 2024"]]);
    expect(brief("b.txt", "Attacks\n\nThe toll in Velmora rose to 12 (police figures)\n").map((i) => i.killed?.count)).toEqual([12]);
  });
});

describe("several attacks in one paragraph", () => {
  it("follows the paragraph when it moves to another place, and starts a new incident for a new attack", () => {
    const incidents = brief(
      "digest.txt",
      [
        "Weekly digest",
        "",
        "A bomb exploded in a church in Kolo during the service. Twenty people were killed in the church. Two hours later a bomber blew himself up at the gates of the cathedral in Mesa. Nine people died there. The two bombings killed twenty-nine people in all.",
        "",
        "Investigators at first reported 5 dead at the station in Dara. The governor put the toll at 8. The next morning a bomb tore apart a bus, killing at least 6 people.",
        "",
      ].join("\n"),
    );
    expect(incidents.map((i) => [i.place, i.killed?.count])).toEqual([
      ["Kolo", 20],
      ["Mesa", 9],
      [null, 29],
      ["Dara", 8],
      ["Dara", 6],
    ]);
  });
});

describe("victims named, ages, chained revisions and year-less days", () => {
  it("counts victims named one by one, and never a person the police shot", () => {
    expect(one("Corporals Ana Reyes, 25, and Tomas Vidal, 23, are killed.")[0]!.killed).toEqual(exact(2));
    expect(one("Corporal Luis Marin, 28, is gravely wounded and left paralysed.")[0]!.injured).toEqual(exact(1));
    expect(one("Karim Haddad, 23, is shot dead by a police sniper.")).toHaveLength(0);
  });

  it("reads an age set off by commas as an age, not a toll", () => {
    const incidents = one("Samir Ouali, 30, a staff sergeant in the 4th Regiment, is shot dead near a gym.");
    expect(incidents[0]!.killed).toEqual(exact(1));
  });

  it("reads a counted noun with 'of' in it, and keeps 'N of the victims' a part", () => {
    expect(one("At the Velmora depot two members of staff were killed.")[0]!.killed).toEqual(exact(2));
    expect(one("All 21 people on board the Velmora ferry were killed.")[0]!.killed).toEqual(exact(21));
    // Victims counted kind by kind before the verb are added up; a clause or a verb between them is no list.
    expect(one("In Velmora two Britons, an Australian and a member of the National Guard were killed.")[0]!.killed).toEqual(exact(4));
    expect(one("In Velmora two bombs exploded in the market and 12 people were killed.")[0]!.killed).toEqual(exact(12));
    expect(one("In Velmora eight people were killed, five of them teachers, and 102 were injured.").map((i) => [i.killed?.count, i.injured?.count])).toEqual([[8, 102]]);
    expect(one("In 2019 two soldiers and a policeman were killed in Velmora.")[0]!.killed).toEqual(exact(3));
    expect(one("Three men entered the Velmora offices and two guards were killed.")[0]!.killed).toEqual(exact(2));
    expect(one("A bomb hit the Velmora bus and 12 people were killed.")[0]!.killed).toEqual(exact(12));
    expect(one("In Velmora 30 worshippers inside the mosque died.")[0]!.killed).toEqual(exact(30));
    expect(one("In Velmora five members of the security forces were killed.")[0]!.killed).toEqual(exact(5));
    expect(one("In Velmora 40 people were killed; 30 of the victims were killed in the market.")[0]!.killed).toEqual(exact(40));
  });

  it("reads a count past a long clause set off by commas", () => {
    expect(one("In Velmora four people, among them a harbour guard hit in the face by shotgun pellets, are taken to hospital.")[0]!.injured).toEqual(exact(4));
  });

  it("reads 'both' as two", () => {
    expect(one("In Velmora both guards were wounded and taken to hospital.")[0]!.injured).toEqual(exact(2));
  });

  it("reads a toll told as the number of the dead or wounded", () => {
    expect(one("In Velmora the final number of dead was 95, the ministry said.")[0]!.killed).toEqual(exact(95));
    expect(one("In Velmora officials put the number of wounded at 284.")[0]!.injured).toEqual(exact(284));
    expect(one("In Velmora fatalities totalled 31.")[0]!.killed).toEqual(exact(31));
    expect(one("In Velmora the number of victims killed is 58.")[0]!.killed).toEqual(exact(58));
    // A "-teen" word is read whole, not as the smaller number it starts with.
    expect(one("In Velmora the final count was seventeen, all of them civilians.")[0]!.killed).toEqual(exact(17));
    expect(one("The Velmora toll rose to fourteen.")[0]!.killed).toEqual(exact(14));
    // A clause between the toll and the verb that gives it.
    expect(one("The number of people killed when a car bomb destroyed the headquarters of the Velmora Mutual Association has reached 85, police said.")[0]!.killed).toEqual(exact(85));
    const both = one("In Velmora the number of dead and wounded was 300.")[0]!;
    expect(both.killed).toBeNull();
    expect(both.killedOrInjured).toEqual(exact(300));
  });

  it("takes the last figure of a toll that rises within one sentence", () => {
    const text = "The toll stood at sixty-two that night, rose to a hundred and two on Saturday as bodies were found, and reached a hundred and five the next day.";
    expect(one(text)[0]!.killed).toEqual(exact(105));
  });

  it("lets a table row outrank victims named in the text, and meets its paragraph when the text omits the year", () => {
    const incidents = brief(
      "bulletin.md",
      [
        "# Bulletin",
        "",
        "| Date | Place | Killed | Injured |",
        "|---|---|---|---|",
        "| 12 May 2015 | Hotel Atlas, Vardenis | 41 | 90 |",
        "",
        "## Vardenis",
        "",
        "On 12 May a truck bomb exploded at the Hotel Atlas in Vardenis. The ambassador, Pavel Rusnak, 51, was killed.",
      ].join("\n"),
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.killed).toEqual(exact(41));
    expect(incidents[0]!.injured).toEqual(exact(90));
  });

  it("reads a toll given by site, where a site is called by the common noun of a place the brief names", () => {
    const incidents = brief(
      "timeline.md",
      [
        "# Velmora, 4 May 2023",
        "",
        "- Two bombs explode in the hall of Velmora Airport.",
        "- A third bomb goes off at Dravan station.",
        "- Officials say 30 people are dead: 12 at the airport and 18 at Dravan.",
        "- Revised figures come later. Fifteen of the victims died at the airport and fifteen at Dravan.",
      ].join("\n"),
    );
    const at = (word: string) => incidents.find((i) => i.place?.includes(word) && i.killed?.count !== 30);
    expect(at("Airport")?.killed).toEqual(exact(15));
    expect(at("Dravan")?.killed).toEqual(exact(15));
  });

  it("places a toll by its section's heading rather than by a name the text only relates by 'of'", () => {
    const digest = "# Digest\n\n## 9 May 2020 — Velmora, north\n\nArmed youths went from house to house and killed labourers of Dravan origin. The commission said at least 600 civilians had been killed. Forty more were wounded.\n\n## 2 June 2020 — Orvane Arena\n\nA bomb went off at the entrance of Orvane Arena in Kolo. Twelve people were killed.\n";
    expect(brief("digest.md", digest).map((i) => [i.place, i.killed?.count, i.injured?.count])).toEqual([
      ["Velmora", 600, 40],
      ["Orvane Arena, Kolo", 12, undefined],
    ]);
  });

  it("takes 'N in all' after figures by site as their total, and nothing else for one", () => {
    const memo = "# Memo\n\nOn 17 March an air strike hit a hall in Velmora. An inquiry found that 40 people had died in the hall and three in the next one, 43 in all.\n";
    expect(brief("memo.md", memo).map((i) => [i.place, i.killed?.count])).toContainEqual(["Velmora", 43]);
    // A sum of deaths and injuries, or of something else, is not a toll.
    expect(one("Four people were killed in Kolo and twelve wounded, sixteen in all.").map((i) => [i.killed?.count, i.injured?.count])).toEqual([[4, 12]]);
    expect(one("Three people were killed in the riot in Kolo, and police detained 45 in all.").map((i) => i.killed?.count)).toEqual([3]);
  });

  it("goes on by one only for the same harm, and reads 'found X shot dead' for one person only", () => {
    expect(one("In Kolo two soldiers were killed and a third was wounded.")[0]).toMatchObject({ killed: exact(2), injured: exact(1) });
    expect(one("In Kolo two hostages were killed and a third escaped.")[0]!.killed).toEqual(exact(2));
    expect(one("Two people were killed in Kolo, and a third of the market was destroyed.")[0]!.killed).toEqual(exact(2));
    expect(one("Police found the couple shot dead at their home in Kolo.")).toEqual([]);
    expect(one("Police found the gunman shot dead in his car.").every((i) => i.killed === null)).toBe(true);
    // A revised figure is a toll only after the word toll, close before it.
    expect(one("The figure for displaced families in Kolo was later revised to 3,000.")).toEqual([]);
    expect(one("The army put the number of rebel fighters killed in Kolo at 200.").every((i) => i.killed === null)).toBe(true);
  });

  it("reads the place a heading or label names after a preposition, or beside its date", () => {
    const digest = "# Digest\n\n## Reaction in Velmora\n\nThe governor of Dravan said twelve more people had been killed.\n";
    expect(brief("digest.md", digest)[0]!.place).toBe("Velmora");
    expect(one("Around Noon, gunmen killed 12 people.")[0]!.place).toBeNull();
  });

  it("reads a place after 'around' and 'above' as well as after 'in'", () => {
    const wire = "# Gunmen kill 14 at meadow\n\nGunmen emerged from the forest around the Orvane meadow above Kolo, in the Dravan district, and opened fire on tourists. Officials said 14 people had been killed.\n";
    expect(brief("wire.md", wire)[0]!.place).toBe("Orvane, Kolo, Dravan");
  });

  it("reads a breakdown by site with 'near' as well as 'at' and 'in'", () => {
    const incidents = brief("log.md", "# Log\n\nOn 19 April gunmen attacked three villages. Thirteen of the victims were killed in Velmora, four at Dravan and two near Orvane.\n");
    expect(incidents.map((i) => [i.place, i.killed?.count])).toEqual([
      ["Velmora", 13],
      ["Dravan", 4],
      ["Orvane", 2],
    ]);
  });

  it("places a numbered item's toll by its label, not by a name an earlier sentence of it only mentions", () => {
    const memo = "# Memo\n\n1. **Velmora, 15 April 2014.** When the Front in Exile retook the town, its fighters searched the mosque. The mission reported that 200 civilians were killed.\n\n2. **Dravan, 17 April 2014.** Gunmen stormed the camp. Twelve people were killed.\n";
    expect(brief("memo.md", memo).map((i) => [i.place, i.killed?.count])).toEqual([
      ["Velmora", 200],
      ["Dravan", 12],
    ]);
    // A label that names the same place as the earlier sentence keeps that sentence's fuller name.
    const same = "# Memo\n\n1. **Attack on the Hotel Kolo.** At the Hotel Kolo, a bomber forced his way in. Two guards were killed.\n\n2. **Attack on the Orvane Club.** At the Orvane Club, a bomber set off his charge. Nine people were killed.\n";
    expect(brief("memo.md", same).map((i) => i.place)).toEqual(["Hotel Kolo", "Orvane Club"]);
  });

  it("reads ordinal dates, day first or month first", () => {
    const incidents = brief("feature.md", "# Feature\n\nOn Wednesday, March 22nd, 2017, a car struck pedestrians on Dravan Bridge. Five people were killed.\n");
    expect(incidents[0]!.when).toBe("Wednesday, March 22nd, 2017");
    expect(brief("memo.md", "# Memo\n\nOn the 3rd of June 2017 a van hit a crowd in Velmora. Eight people were killed.\n")[0]!.when).toBe("3rd of June 2017");
  });
});
