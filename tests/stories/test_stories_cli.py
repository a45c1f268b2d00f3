"""Stories: ingest groups articles into one story per event, keeps ids stable, and compares each story once."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from newsprism.comparison.options import CompareOptions
from newsprism.corpus import Corpus
from tests.helpers import EXAMPLES, write

STORIES = EXAMPLES / "stories"
SLUGS = ("lorvenne-flood", "mirel-water-call", "port-asha-clashes")


def _record(outlet: str, title: str, text: str, published: str, record_id: str) -> str:
    return json.dumps(
        {"id": record_id, "source": outlet, "title": title, "text": text, "published": published}
    )


# Two fires on the same day, told in the same words, in two towns: two events, so two stories.
LOOK_ALIKE_FIRES = [
    _record(
        "Brenmoor Echo",
        "Warehouse fire in Brenmoor injures two workers",
        "A fire broke out at a furniture warehouse on Kessel Road in Brenmoor on Thursday morning, injuring "
        "two workers. Brenmoor fire chief Anna Voss said the blaze started in a loading bay. "
        "Forty firefighters fought the flames for three hours.",
        "2026-05-07",
        "echo-1",
    ),
    _record(
        "Valley Radio",
        "Two hurt as flames gut Brenmoor furniture warehouse",
        "Two workers were hurt when fire swept through a furniture warehouse on Kessel Road in Brenmoor on "
        "Thursday. Fire chief Anna Voss said the fire began in a loading bay. Crews needed three hours.",
        "2026-05-07",
        "radio-1",
    ),
    _record(
        "Coastline Daily",
        "Brenmoor blaze: warehouse destroyed, two workers injured",
        "A Brenmoor furniture warehouse on Kessel Road was destroyed by fire on Thursday and two workers "
        "were injured, according to fire chief Anna Voss. The fire started in the loading bay.",
        "2026-05-07",
        "coast-1",
    ),
    _record(
        "Tarrow Gazette",
        "Warehouse fire in Tarrow injures two workers",
        "A fire broke out at a paper warehouse on Mill Lane in Tarrow on Thursday morning, injuring two "
        "workers. Tarrow fire officer Piet Lorne said the blaze started near a forklift charger. "
        "Thirty firefighters fought the flames for two hours.",
        "2026-05-07",
        "gazette-1",
    ),
    _record(
        "Valley Radio",
        "Two hurt as flames gut Tarrow paper warehouse",
        "Two workers were hurt when fire swept through a paper warehouse on Mill Lane in Tarrow on Thursday. "
        "Fire officer Piet Lorne said the fire began near a forklift charger. Crews needed two hours.",
        "2026-05-07",
        "radio-2",
    ),
    _record(
        "Coastline Daily",
        "Tarrow blaze: paper warehouse destroyed, two workers injured",
        "A Tarrow paper warehouse on Mill Lane was destroyed by fire on Thursday and two workers were "
        "injured, according to fire officer Piet Lorne. The fire started near a forklift charger.",
        "2026-05-07",
        "coast-2",
    ),
]


def _stories(cli: Callable[..., Result], *args: str) -> list[dict]:
    result = cli("stories", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _grouping_by_slug(stories: list[dict], db_path: Path) -> dict[int, set[str]]:
    """Story id -> the example story folders its articles come from."""
    with sqlite3.connect(db_path) as db:
        paths = dict(db.execute("SELECT id, path FROM articles"))
    return {
        story["id"]: {slug for article in story["articles"] for slug in SLUGS if slug in paths[article["id"]]}
        for story in stories
    }


def test_each_example_event_told_by_five_outlets_is_one_story(
    cli: Callable[..., Result], db_path: Path
) -> None:
    assert cli("ingest", str(STORIES)).exit_code == 0
    stories = _stories(cli)
    assert len(stories) == 3
    assert sorted(_grouping_by_slug(stories, db_path).values(), key=sorted) == [{slug} for slug in SLUGS]
    assert all(len(story["sources"]) == 5 for story in stories)


def test_ingest_stores_the_embedding_of_every_article_except_copies_and_clustering_reuses_them(
    cli: Callable[..., Result], db_path: Path
) -> None:
    assert cli("ingest", str(STORIES)).exit_code == 0
    with sqlite3.connect(db_path) as db:
        articles, originals = db.execute(
            "SELECT COUNT(*), COUNT(*) - COUNT(duplicate_of) FROM articles"
        ).fetchone()
        embedded = db.execute("SELECT COUNT(*) FROM article_embeddings").fetchone()[0]
        in_stories = db.execute("SELECT SUM(size) FROM stories").fetchone()[0]
    assert (articles, originals) == (15, 14)  # the examples plant one syndicated copy
    assert embedded == originals
    assert in_stories == articles


def test_the_story_listing_has_the_documented_shape(cli: Callable[..., Result]) -> None:
    cli("ingest", str(STORIES / "port-asha-clashes"))
    [story] = _stories(cli)
    assert {"id", "title", "first_seen", "last_seen", "sources", "articles"} <= story.keys()
    assert (story["first_seen"][:10], story["last_seen"][:10]) == ("2026-03-21", "2026-03-22")
    assert {"id", "external_id", "source", "title", "published"} <= story["articles"][0].keys()
    assert "aes-2026-03-22-0019" in {article["external_id"] for article in story["articles"]}


def test_the_json_listing_is_written_story_by_story_as_one_indented_list(cli: Callable[..., Result]) -> None:
    cli("ingest", str(STORIES))
    written = cli("stories", "--all", "--format", "json").stdout
    assert written == json.dumps(json.loads(written), ensure_ascii=False, indent=2) + "\n"
    assert len(json.loads(written)) == 3
    assert cli("stories", "--min-sources", "9", "--format", "json").stdout == "[]\n"


def test_two_look_alike_fires_in_two_towns_on_one_day_are_two_stories(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    cli("ingest", str(write(tmp_path / "fires.jsonl", "\n".join(LOOK_ALIKE_FIRES))))
    stories = _stories(cli)
    towns = [{article["external_id"] for article in story["articles"]} for story in stories]
    assert sorted(towns, key=sorted) == [
        {"coast-1", "echo-1", "radio-1"},
        {"coast-2", "gazette-1", "radio-2"},
    ]


def test_story_ids_do_not_change_when_more_articles_arrive(cli: Callable[..., Result], db_path: Path) -> None:
    cli("ingest", str(STORIES / "lorvenne-flood"), str(STORIES / "mirel-water-call"))
    before = {story["id"]: story["articles"] for story in _stories(cli)}
    cli("ingest", str(STORIES / "port-asha-clashes"))
    after = {story["id"]: story["articles"] for story in _stories(cli)}
    assert {story_id: after[story_id] for story_id in before} == before
    assert len(after) == 3


def test_inputs_in_another_order_in_one_run_give_the_same_stories_and_ids(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    files = sorted(str(path) for path in STORIES.rglob("*") if path.is_file())

    def stories_of(order: list[str], db: Path) -> dict[int, set[str | None]]:
        cli("ingest", *order, db=db)
        listing = json.loads(cli("stories", "--all", "--format", "json", db=db).stdout)
        return {story["id"]: {article["title"] for article in story["articles"]} for story in listing}

    assert stories_of(files, tmp_path / "a.db") == stories_of(files[::-1], tmp_path / "b.db")


def test_articles_arriving_in_separate_runs_end_in_the_same_grouping(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """Across runs the grouping holds for clear events; ids follow arrival (the first story seen gets 1)."""

    def grouping(runs: list[list[Path]], db: Path) -> list[set[str]]:
        for paths in runs:
            cli("ingest", *map(str, paths), db=db)
        listing = json.loads(cli("stories", "--all", "--format", "json", db=db).stdout)
        return sorted(({article["title"] for article in story["articles"]} for story in listing), key=sorted)

    folders = [STORIES / slug for slug in SLUGS]
    assert grouping([folders], tmp_path / "a.db") == grouping([[f] for f in folders[::-1]], tmp_path / "b.db")


def test_a_story_filled_over_many_runs_stores_the_names_and_sizes_of_one_filled_at_once(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """Each run writes only the name counts it changed; together they must add up to the whole story's."""

    def stored(db: Path) -> tuple[int, dict[tuple[str, str], int]]:
        with sqlite3.connect(db) as connection:
            [(story_id, size)] = connection.execute("SELECT id, size FROM stories").fetchall()
            names = {
                (kind, value): articles
                for kind, value, articles in connection.execute(
                    "SELECT kind, value, articles FROM story_facts WHERE story_id = ?", (story_id,)
                )
            }
        return size, names

    files = sorted((STORIES / "lorvenne-flood").iterdir())
    for path in files:
        cli("ingest", str(path), db=tmp_path / "runs.db")
    cli("ingest", *map(str, files), db=tmp_path / "once.db")
    size, names = stored(tmp_path / "runs.db")
    assert size == len(files) and (size, names) == stored(tmp_path / "once.db")
    assert max(names.values()) > 1


def test_a_planted_syndicated_copy_is_listed_but_compared_once(
    cli: Callable[..., Result], db_path: Path
) -> None:
    cli("ingest", str(STORIES / "mirel-water-call"))
    [story] = _stories(cli)
    result = cli("story", str(story["id"]), "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    [copy] = report["copies"]
    assert copy["external_id"] == "ovt-20260311-0063" and copy["duplicate_of"] is not None
    compared = {article["id"] for article in report["articles"]}
    assert copy["id"] not in compared and copy["duplicate_of"] in compared
    assert len(compared) == 4 and report["claims"] and report["summary"]


def test_a_story_comparison_is_cached_until_an_article_joins(db_path: Path) -> None:
    with Corpus(db_path) as corpus:
        corpus.ingest(
            [
                STORIES / "lorvenne-flood" / "meridian-wire.txt",
                STORIES / "lorvenne-flood" / "daily-clarion.html",
            ]
        )
        [story] = corpus.stories()
        first = corpus.compare_story(story.id)
        again = corpus.compare_story(story.id)
        assert (first.cached, again.cached) == (False, True)
        assert again.comparison == first.comparison

        corpus.ingest([STORIES / "lorvenne-flood" / "harbor-gazette.xml"])
        grown = corpus.compare_story(story.id)
        assert not grown.cached
        assert len(grown.comparison.articles) == 3
        assert not corpus.compare_story(story.id, CompareOptions(summary_words=20)).cached


def test_ingest_without_clustering_leaves_articles_for_stories_to_cluster(
    cli: Callable[..., Result], db_path: Path
) -> None:
    assert cli("ingest", str(STORIES / "port-asha-clashes"), "--no-cluster").exit_code == 0
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT COUNT(*) FROM articles WHERE story_id IS NULL").fetchone() == (5,)
    assert len(_stories(cli)) == 1
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT COUNT(*) FROM articles WHERE story_id IS NULL").fetchone() == (0,)


def test_cluster_rebuild_reclusters_everything(cli: Callable[..., Result]) -> None:
    cli("ingest", str(STORIES))
    result = cli("cluster", "--rebuild")
    assert result.exit_code == 0
    assert result.stdout.strip() == "placed 15 articles, new stories 3"
    assert len(_stories(cli)) == 3


def test_listing_filters_by_date_and_number_of_outlets(cli: Callable[..., Result], tmp_path: Path) -> None:
    cli("ingest", str(STORIES), str(write(tmp_path / "fires.jsonl", "\n".join(LOOK_ALIKE_FIRES))))
    assert len(_stories(cli)) == 5
    assert len(_stories(cli, "--min-sources", "4")) == 3
    assert [story["first_seen"][:10] for story in _stories(cli, "--since", "2026-05-01")] == [
        "2026-05-07"
    ] * 2
    lone = write(
        tmp_path / "lone.txt",
        "Title: Lighthouse repainted\nSource: Cape Notes\n\nThe Orra lighthouse was repainted.\n",
    )
    cli("ingest", str(lone))
    assert len(_stories(cli)) == 5
    assert len(_stories(cli, "--all")) == 6


def test_an_unknown_story_is_a_one_line_error(cli: Callable[..., Result]) -> None:
    result = cli("story", "99")
    assert result.exit_code == 1
    assert "no story with id 99" in result.output


def test_the_stories_table_names_the_events(cli: Callable[..., Result]) -> None:
    cli("ingest", str(STORIES / "port-asha-clashes"))
    result = cli("stories")
    assert result.exit_code == 0
    assert "Port Asha" in result.stdout and "5" in result.stdout


# A shooting in February, and the sentencing of the gunman in August: one story, though half a year apart.
SHOOTING = [
    _record(
        "Brenmoor Echo",
        "Woman shot dead outside Brenmoor bakery",
        "Marisol Quintaro, 34, was shot dead outside a bakery on Kessel Road in Brenmoor on Tuesday night. "
        "Police arrested Teodor Vasko, 41, near the scene. Detective Ilse Marwood said the two had argued.",
        "2026-02-10",
        "echo-shooting",
    ),
    _record(
        "Valley Radio",
        "Brenmoor man held after bakery shooting",
        "A Brenmoor man, Teodor Vasko, is held on a murder charge after Marisol Quintaro was shot outside a "
        "Kessel Road bakery on Tuesday. Detective Ilse Marwood said a handgun was found.",
        "2026-02-11",
        "radio-shooting",
    ),
]
SENTENCING = _record(
    "Coastline Daily",
    "Teodor Vasko sentenced for Brenmoor bakery killing",
    "Teodor Vasko was sentenced to 25 years in prison on Monday for shooting Marisol Quintaro outside a "
    "Kessel Road bakery in Brenmoor in February. The judge said the killing followed an argument.",
    "2026-08-17",
    "coast-sentencing",
)
# Another case Detective Marwood speaks for, in March: her name is then no longer one story's own.
ROBBERY = _record(
    "Tarrow Gazette",
    "Jeweller robbed at gunpoint in Tarrow",
    "Two men robbed the Orvell jewellery shop on Mill Lane in Tarrow at gunpoint on Friday and fled in a "
    "grey van with watches and rings. Nobody was hurt, said Detective Ilse Marwood of the county police.",
    "2026-03-06",
    "gazette-robbery",
)


def _story_of(stories: list[dict], external_id: str) -> int:
    return next(s["id"] for s in stories for a in s["articles"] if a["external_id"] == external_id)


def test_a_sentencing_months_later_joins_the_story_through_names_only_that_story_has(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """Each ingest is a new run, so the February story must come back from the store to be found."""
    cli("ingest", str(write(tmp_path / "shooting.jsonl", "\n".join(SHOOTING))))
    cli("ingest", str(write(tmp_path / "sentencing.jsonl", SENTENCING)))
    stories = _stories(cli, "--all")
    assert _story_of(stories, "coast-sentencing") == _story_of(stories, "echo-shooting")
    assert len(stories) == 1


def test_a_report_more_than_a_year_later_opens_a_new_story(cli: Callable[..., Result], tmp_path: Path) -> None:
    cli("ingest", str(write(tmp_path / "shooting.jsonl", "\n".join(SHOOTING))))
    late = SENTENCING.replace("2026-08-17", "2027-03-01")
    cli("ingest", str(write(tmp_path / "sentencing.jsonl", late)))
    stories = _stories(cli, "--all")
    assert _story_of(stories, "coast-sentencing") != _story_of(stories, "echo-shooting")


def test_a_name_several_stories_share_leads_to_none_of_them_months_later(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """Only the detective's name links the August article to the February story: she has two cases."""
    cli("ingest", str(write(tmp_path / "shooting.jsonl", "\n".join(SHOOTING))))
    cli("ingest", str(write(tmp_path / "robbery.jsonl", ROBBERY)))
    appeal = _record(
        "Coastline Daily",
        "Brenmoor bakery reopens with a mural",
        "A Kessel Road bakery in Brenmoor reopened on Monday with a mural by local children. Detective Ilse "
        "Marwood cut the ribbon and said the street felt safe again after a hard winter.",
        "2026-08-17",
        "coast-bakery",
    )
    cli("ingest", str(write(tmp_path / "bakery.jsonl", appeal)))
    stories = _stories(cli, "--all")
    assert len({_story_of(stories, key) for key in ("echo-shooting", "gazette-robbery", "coast-bakery")}) == 3


def test_a_story_in_markdown_shows_an_articles_html_as_text(cli: Callable[..., Result], tmp_path: Path) -> None:
    body = "The Varna river broke its banks in Oskel on Tuesday. Rail services were suspended."
    for outlet in ("Oskel Herald", "Tarvik Post"):
        write(tmp_path / f"{outlet}.txt", f"Title: <script>alert(1)</script> Oskel flood\nSource: {outlet}\n\n{body}\n")
    cli("ingest", str(tmp_path / "Oskel Herald.txt"), str(tmp_path / "Tarvik Post.txt"))
    [story] = _stories(cli)
    markdown = cli("story", str(story["id"]), "--format", "md").stdout
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Oskel flood" in markdown
    assert "<script>" not in markdown
