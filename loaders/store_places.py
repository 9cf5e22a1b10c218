"""Store event places: each located event points at its place, an entity with a point.

Adds to the store stage the places of `Event.place`. A registry place or state gets its
GeoNames id, coordinates and level the first time a run stores an event there (remembered in
`EntityCache.located`, so an unchanged place costs nothing after that); a gazetteer city or a
hand-listed venue the registry does not name becomes an entity of kind place, found again by
its GeoNames id (or its name, for a venue) by later articles and concurrent loaders.
"""
from __future__ import annotations

from sqlalchemy import Connection, bindparam, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from models import Entity, Event

from .records import Event as EventRecord, Place

UPDATE_REGISTERED = text("""
UPDATE entities SET
    geonames_id = CASE WHEN EXISTS (SELECT 1 FROM entities o WHERE o.geonames_id = :g AND o.id <> :id)
                       THEN geonames_id ELSE :g END,
    latitude = :lat, longitude = :lon, geo_level = :level, country_id = coalesce(country_id, :country)
WHERE id = :id AND (geonames_id IS DISTINCT FROM :g OR latitude IS DISTINCT FROM :lat
                    OR longitude IS DISTINCT FROM :lon OR geo_level IS DISTINCT FROM :level
                    OR (country_id IS NULL AND :country IS NOT NULL))
""").bindparams(bindparam("g", type_=Entity.geonames_id.type), bindparam("country", type_=Entity.country_id.type))


def store_places(conn: Connection, events: list[EventRecord], event_ids: list[int], cache) -> None:
    """Set events.place_id for the article's located events (one UPDATE for all of them)."""
    placed = [(e.place, eid) for e, eid in zip(events, event_ids) if e.place is not None]
    if not placed:
        return
    ids = {p.name: place_id(conn, p, cache) for p in {p.name: p for p, _ in placed}.values()}
    conn.execute(update(Event).where(Event.id == bindparam("b_id")).values(place_id=bindparam("b_place")),
                 [{"b_id": eid, "b_place": ids[p.name]} for p, eid in placed])


def place_id(conn: Connection, place: Place, cache) -> int:
    """The entity id of a place, written with its point when this run has not written it yet."""
    if place.name in cache.located:
        return cache.located[place.name]
    country = cache.ids.get(place.country) if place.country and place.country != place.name else None
    if place.registered and place.name in cache.ids:
        eid = cache.ids[place.name]
        conn.execute(UPDATE_REGISTERED, {"id": eid, "g": place.geonames_id, "lat": place.latitude,
                                         "lon": place.longitude, "level": place.level, "country": country})
    else:
        eid = _gazetteer_place(conn, place, country)
    cache.located[place.name] = eid
    return eid


def _gazetteer_place(conn: Connection, place: Place, country: int | None) -> int:
    """A place the registry does not name: found by GeoNames id or name, else inserted."""
    found = (select(Entity.id).where(Entity.geonames_id == place.geonames_id) if place.geonames_id is not None
             else select(Entity.id).where(Entity.name == place.name, Entity.kind == "place"))
    eid = conn.execute(found).scalar()
    if eid is not None:
        return eid
    row = {"name_ar": place.name_ar, "kind": "place", "country_id": country, "geonames_id": place.geonames_id,
           "latitude": place.latitude, "longitude": place.longitude, "geo_level": place.level}
    names = [place.name] + ([f"{place.name}, {place.country}"] if place.country else []) + [
        f"{place.name} (GeoNames {place.geonames_id})"]
    for name in names:  # a namesake elsewhere may hold the plain name ("Tripoli" is Libya's)
        eid = conn.execute(pg_insert(Entity).values(name=name, **row).on_conflict_do_nothing()
                           .returning(Entity.id)).scalar()
        if eid is None:
            eid = conn.execute(found).scalar()  # a concurrent loader inserted the same place
        if eid is not None:
            return eid
    raise RuntimeError(f"cannot store place {place.name!r}")
