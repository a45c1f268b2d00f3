"""Invented reports of twelve unrelated events in the same few days, five outlets each, as text files.

Every event has its own place, people and subject, so that one clustering writer puts each event's reports
in one story and no two events together; the tests of concurrent writers compare against that.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.helpers import write

OUTLETS = ("Meridian Wire", "Harbor Gazette", "Northfield Courier", "Ostra Valley Times", "Daily Clarion")


@dataclass(frozen=True)
class Event:
    slug: str
    day: str  # ISO date of the first report
    titles: tuple[str, str, str, str, str]  # one headline per outlet
    lead: str  # the facts every outlet reports, in its own order below
    details: tuple[str, str, str]


EVENTS = (
    Event(
        "brenmoor-warehouse-fire",
        "2026-06-01",
        (
            "Fire destroys Brenmoor furniture warehouse on Kessel Road",
            "Two workers hurt as flames gut Brenmoor warehouse",
            "Brenmoor blaze: furniture warehouse lost, two injured",
            "Warehouse fire on Kessel Road injures two in Brenmoor",
            "Brenmoor fire chief Anna Voss says warehouse blaze began in loading bay",
        ),
        "A fire destroyed a furniture warehouse on Kessel Road in Brenmoor, injuring two workers, fire chief "
        "Anna Voss said.",
        (
            "Forty firefighters fought the flames in the Brenmoor warehouse for three hours.",
            "Voss said the blaze started in a loading bay where sofas were stacked.",
            "The warehouse belonged to the furniture maker Holt and Sons.",
        ),
    ),
    Event(
        "caldera-bridge-closure",
        "2026-06-01",
        (
            "Cracks close the Ardmore suspension bridge over the Caldera river",
            "Engineers shut Ardmore bridge after finding cracked cables",
            "Ardmore bridge closed indefinitely, commuters face long detours",
            "Caldera crossing shut: Ardmore bridge cables corroded",
            "Transport chief Lena Okafor orders Ardmore bridge closed",
        ),
        "The suspension bridge over the Caldera river at Ardmore was closed after engineers found corroded "
        "and cracked cables, transport chief Lena Okafor said.",
        (
            "About 30,000 vehicles cross the Ardmore bridge each day.",
            "Okafor said repairs to the cables could take at least eight months.",
            "Commuters face a detour of 40 kilometres through Vellport.",
        ),
    ),
    Event(
        "kestrel-orchestra-strike",
        "2026-06-02",
        (
            "Kestrel Philharmonic musicians walk out over pay",
            "Orchestra strike cancels Kestrel summer season opening",
            "Kestrel players strike after pension talks collapse",
            "Conductor Ivo Marant backs striking Kestrel musicians",
            "No Mahler tonight: Kestrel Philharmonic on strike",
        ),
        "Musicians of the Kestrel Philharmonic went on strike over pay and pensions, cancelling the opening "
        "concert of the summer season under conductor Ivo Marant, their union said.",
        (
            "The Kestrel Philharmonic's opening concert was to feature Mahler's Fifth Symphony.",
            "The union said the Kestrel Philharmonic players had not had a pay rise in six years.",
            "The Kestrel Philharmonic board said it had offered its musicians a raise of four percent.",
        ),
    ),
    Event(
        "tollan-vaccine-trial",
        "2026-06-02",
        (
            "Tollan University malaria vaccine cuts infections by 71 percent",
            "Malaria shot developed in Tollan shows strong results in trial",
            "Researcher Priya Hallam hails Tollan malaria vaccine data",
            "Tollan vaccine trial in 4,000 children succeeds",
            "Breakthrough for Tollan malaria vaccine, researchers say",
        ),
        "A malaria vaccine developed at Tollan University cut infections by 71 percent in a trial of 4,000 "
        "children, lead researcher Priya Hallam said.",
        (
            "The children in the trial received three doses of the vaccine a month apart.",
            "Hallam said the team would seek approval from regulators next year.",
            "Mosquito nets were given to every family taking part in the malaria trial.",
        ),
    ),
    Event(
        "ostra-ferry-grounding",
        "2026-06-02",
        (
            "Ferry Saint Brielle runs aground off Ostra island",
            "212 passengers evacuated after ferry grounding near Ostra",
            "Coastguard rescues passengers from stranded Ostra ferry",
            "Captain Jonas Feld questioned after Ostra ferry runs aground",
            "Ostra ferry grounding: no injuries, hull breached",
        ),
        "The ferry Saint Brielle ran aground on rocks off Ostra island with 212 passengers aboard, all of whom "
        "were taken off safely by the coastguard.",
        (
            "The ferry's hull was breached below the waterline and it took on water.",
            "Captain Jonas Feld was questioned by maritime investigators.",
            "Lifeboats carried the passengers to the harbour at Ostra in calm seas.",
        ),
    ),
    Event(
        "merrow-museum-theft",
        "2026-06-03",
        (
            "Gold crown stolen from Merrow museum in night raid",
            "Thieves take medieval crown from Merrow city museum",
            "Merrow police hunt crown thieves after museum break-in",
            "Curator Elsa Drummond devastated by theft of Merrow crown",
            "Priceless Merrow crown snatched through skylight",
        ),
        "Thieves broke into the Merrow city museum through a skylight and stole a medieval gold crown, "
        "curator Elsa Drummond said.",
        (
            "The crown, made for a twelfth-century queen, is set with forty garnets.",
            "Drummond said the alarm sounded but the thieves were gone in four minutes.",
            "Merrow police asked anyone who saw a grey van near the museum to come forward.",
        ),
    ),
    Event(
        "pellam-factory-closure",
        "2026-06-03",
        (
            "Radtke to close Pellam tyre factory, 1,100 jobs lost",
            "Pellam tyre plant shutting down by December",
            "Union leader Marta Quill vows to fight Pellam factory closure",
            "End of the line for Radtke's Pellam plant",
            "Pellam workers stunned as tyre maker announces closure",
        ),
        "The tyre maker Radtke will close its factory in Pellam by December with the loss of 1,100 jobs, the "
        "company said.",
        (
            "Union leader Marta Quill said the workers would fight the closure.",
            "Radtke blamed cheaper imports and the cost of rubber.",
            "The Pellam factory has made tyres since 1961.",
        ),
    ),
    Event(
        "halden-marathon-record",
        "2026-06-03",
        (
            "Amara Sefu breaks course record at Halden marathon",
            "Sefu wins Halden marathon in 2:04:11",
            "Record run in Halden: Sefu beats the field by two minutes",
            "Halden marathon: Amara Sefu smashes course best",
            "Kenyan-born Sefu storms to Halden marathon victory",
        ),
        "Amara Sefu won the Halden marathon in two hours, four minutes and eleven seconds, breaking the course "
        "record by almost a minute.",
        (
            "About 18,000 runners started the race along the Halden canal.",
            "Sefu said the cool morning helped her run fast in the second half.",
            "Sefu will next run the world championship marathon in August.",
        ),
    ),
    Event(
        "varno-wildfire",
        "2026-06-04",
        (
            "Wildfire forces evacuation of three Varno valley villages",
            "Varno valley blaze spreads across 2,000 hectares of pine forest",
            "Firefighting planes battle wildfire above Varno",
            "Mayor Tomas Briel orders Varno villages evacuated",
            "Hot winds fan Varno forest fire",
        ),
        "A wildfire burning through 2,000 hectares of pine forest in the Varno valley forced the evacuation of "
        "three villages, mayor Tomas Briel said.",
        (
            "Six water-bombing planes were fighting the fire from the air.",
            "Briel said about 900 residents had spent the night in a sports hall.",
            "Temperatures above 38 degrees and strong winds fanned the flames.",
        ),
    ),
    Event(
        "quarry-lake-election",
        "2026-06-04",
        (
            "Nadia Ferrow elected mayor of Quarry Lake",
            "Ferrow wins Quarry Lake mayoral race by 800 votes",
            "Quarry Lake picks Ferrow in tight mayoral election",
            "Former teacher Nadia Ferrow becomes Quarry Lake mayor",
            "Quarry Lake election: turnout of 58 percent as Ferrow wins",
        ),
        "Nadia Ferrow was elected mayor of Quarry Lake, beating the sitting mayor Colm Ruddy by 800 votes, "
        "the election office said.",
        (
            "Turnout in the Quarry Lake election was 58 percent.",
            "Ferrow, a former teacher, promised to rebuild the town's library.",
            "Ruddy conceded defeat and congratulated Ferrow.",
        ),
    ),
    Event(
        "sable-coast-whale",
        "2026-06-04",
        (
            "Humpback whale stranded on Sable Coast beach",
            "Volunteers try to refloat whale at Sable Coast",
            "Marine biologist Hugo Tanaka leads Sable Coast whale rescue",
            "Stranded humpback at Sable Coast refloated at high tide",
            "Crowds gather as rescuers save beached whale",
        ),
        "A humpback whale that stranded on a beach on the Sable Coast was refloated at high tide by "
        "volunteers led by marine biologist Hugo Tanaka.",
        (
            "The young humpback whale was about nine metres long.",
            "Volunteers kept the whale wet with buckets of seawater for six hours.",
            "Tanaka said the whale swam out to sea and was seen blowing offshore.",
        ),
    ),
    Event(
        "dunmere-central-bank",
        "2026-06-04",
        (
            "Dunmere central bank raises interest rate to 5.25 percent",
            "Governor Rosa Keel lifts rates to fight inflation in Dunmere",
            "Dunmere rate rise surprises markets",
            "Mortgage costs to climb as Dunmere bank raises rates",
            "Central bank in Dunmere tightens again",
        ),
        "The central bank in Dunmere raised its main interest rate by half a point to 5.25 percent to fight "
        "inflation, governor Rosa Keel said.",
        (
            "Inflation in Dunmere rose to 7.8 percent in May.",
            "Keel said further rate rises could not be ruled out.",
            "The Dunmere currency gained one percent against the dollar after the decision.",
        ),
    ),
)


def event_files(folder: Path) -> dict[Path, str]:
    """Write each outlet's report of each event as a text file; return file -> the event it reports."""
    files: dict[Path, str] = {}
    for event in EVENTS:
        for number, (outlet, title) in enumerate(zip(OUTLETS, event.titles, strict=True)):
            # Each outlet tells the details in its own order and leaves one out.
            details = [event.details[(number + shift) % 3] for shift in range(2)]
            body = "\n\n".join([event.lead, *details])
            slug = outlet.lower().replace(" ", "-")
            hour = 6 + 3 * number
            header = (
                f"Title: {title}\nSource: {outlet}\nPublished: {event.day}T{hour:02d}:00:00+00:00\n"
                f"URL: https://{slug}.example/{event.slug}\n"
            )
            path = write(folder / f"{event.slug}-{slug}.txt", f"{header}\n{body}\n")
            files[path] = event.slug
    return files
