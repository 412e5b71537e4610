-- Problem categories saved with the Ukrainian name in both languages get the English names of the
-- usual categories; any other stays as it was until the community administrator names it.
update problem_category c
   set name_en = n.en
  from (values ('potholes', 'Potholes'),
               ('lighting', 'Street lighting'),
               ('waste', 'Litter and waste collection'),
               ('trees', 'Trees and green spaces'),
               ('water', 'Water supply and sewerage'),
               ('lifts', 'Lifts'),
               ('shelters', 'Civil defence shelters'),
               ('animals', 'Stray animals')) as n(code, en)
 where c.code = n.code
   and c.name_en = c.name_uk;
