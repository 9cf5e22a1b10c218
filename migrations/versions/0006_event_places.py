"""Event places: where each event happened, with the place's GeoNames id and coordinates.

Adds to `entities` the GeoNames id, a point (latitude, longitude, WGS84) and its level
(venue, city, region, country: a state's point is its capital, as ACLED does for
country-level locations), and to `events` the place it happened (`place_id`, an entity of
kind place, or a state when the text names only the country). `v_events` gains the place's
name, country, coordinates and precision, appended to 0005's definition.

Revision ID: 0006
Revises: 0005
"""
import importlib.util
from pathlib import Path
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: Union[str, Sequence[str], None] = "0005"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _migration(file: str):
    spec = importlib.util.spec_from_file_location(file[:-3], Path(__file__).with_name(file))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


M5 = _migration("0005_event_fusion.py")

V_EVENTS = M5.V_EVENTS.replace(
    " END AS shown_date_label\n",
    " END AS shown_date_label,\n"
    "       pl.name AS place_name, pc.name AS place_country, pl.latitude AS place_latitude,\n"
    "       pl.longitude AS place_longitude, pl.geo_level AS place_precision, pl.geonames_id AS place_geonames_id\n",
).replace("LEFT JOIN canonical_events c ON c.id = e.canonical_id\n",
          "LEFT JOIN canonical_events c ON c.id = e.canonical_id\n"
          "LEFT JOIN entities pl ON pl.id = e.place_id\n"
          "LEFT JOIN entities pc ON pc.id = coalesce(pl.country_id, CASE WHEN pl.kind = 'state' THEN pl.id END)\n", 1)
assert "place_precision" in V_EVENTS and "entities pl" in V_EVENTS

PLACE_OWN = {
    "place_name": "Where the event happened, as the text names it (a venue, city, region or state); "
                  "null when the text does not say",
    "place_country": "The state the place is in",
    "place_latitude": "Latitude of the place (WGS84 degrees); for a state, its capital's",
    "place_longitude": "Longitude of the place (WGS84 degrees); for a state, its capital's",
    "place_precision": "How precise the place is: venue, city, region or country",
    "place_geonames_id": "GeoNames id of the place (a city or state); null for venues and regions",
}


def _v_events_0005():
    name, _, comment, own, common = M5._v_events_0002()
    return name, M5.V_EVENTS, comment, {**own, **M5.EVENTS_OWN}, common


def upgrade() -> None:
    op.add_column("entities", sa.Column("geonames_id", sa.Integer(), nullable=True,
                                        comment="GeoNames id of a city or state"))
    op.add_column("entities", sa.Column("latitude", sa.Float(), nullable=True,
                                        comment="Latitude of a place (WGS84 degrees); a state's capital for a state"))
    op.add_column("entities", sa.Column("longitude", sa.Float(), nullable=True,
                                        comment="Longitude of a place (WGS84 degrees)"))
    op.add_column("entities", sa.Column("geo_level", sa.Text(), nullable=True,
                                        comment="What the point stands for: venue, city, region or country"))
    op.create_check_constraint(op.f("ck_entities_geo_level"), "entities",
                               "geo_level IN ('venue', 'city', 'region', 'country')")
    op.create_check_constraint(op.f("ck_entities_coordinates"), "entities",
                               "(latitude IS NULL) = (longitude IS NULL) AND latitude BETWEEN -90 AND 90 "
                               "AND longitude BETWEEN -180 AND 180")
    op.create_index("ix_entities_geonames_id", "entities", ["geonames_id"], unique=True,
                    postgresql_where=sa.text("geonames_id IS NOT NULL"))
    op.add_column("events", sa.Column("place_id", sa.BigInteger(), nullable=True,
                                      comment="Where the event happened (an entity of kind place, or a state)"))
    op.create_foreign_key(op.f("fk_events_place_id_entities"), "events", "entities", ["place_id"], ["id"],
                          ondelete="SET NULL")
    op.create_index("ix_events_place_id", "events", ["place_id"])
    op.execute("DROP VIEW v_events")
    name, _, comment, own, common = _v_events_0005()
    M5._comment_views([(name, V_EVENTS, comment, {**own, **PLACE_OWN}, common)])


def downgrade() -> None:
    op.execute("DROP VIEW v_events")
    M5._comment_views([_v_events_0005()])
    op.drop_index("ix_events_place_id", table_name="events")
    op.drop_constraint(op.f("fk_events_place_id_entities"), "events", type_="foreignkey")
    op.drop_column("events", "place_id")
    op.drop_index("ix_entities_geonames_id", table_name="entities")
    op.drop_constraint(op.f("ck_entities_coordinates"), "entities", type_="check")
    op.drop_constraint(op.f("ck_entities_geo_level"), "entities", type_="check")
    for column in ("geo_level", "longitude", "latitude", "geonames_id"):
        op.drop_column("entities", column)
