-- Issue 19 §3: a frequent term is searched by walking the newest items and checking the words on
-- each, stopping once enough matches are found. With a column or a single organization as filter,
-- that walk must go through that column's or organization's items in date order, not through all
-- items (a column holds 0.1 % of them: the walk would otherwise read the whole table).
create index catalogue_search_column_date_idx on catalogue_search (column_id, published_date desc, item_id desc);
create index catalogue_search_org_date_id_idx on catalogue_search (org_id, published_date desc, item_id desc);
drop index catalogue_search_org_date_idx;
