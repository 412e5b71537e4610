-- Services imported without an English category name took the Ukrainian one. The usual CNAP
-- categories get their English names; any other stays as it was until an administrator names it.
update cnap_service s
   set category_en = n.en
  from (values ('Державна реєстрація речових прав', 'Property rights registration'),
               ('Довідки та витяги', 'Certificates and extracts'),
               ('Земельні питання', 'Land'),
               ('Містобудування та архітектура', 'Construction and planning'),
               ('Паспортні послуги', 'Passport services'),
               ('Пенсійні послуги', 'Pensions'),
               ('Реєстрація актів цивільного стану', 'Civil status registration'),
               ('Реєстрація бізнесу', 'Business registration'),
               ('Реєстрація місця проживання', 'Residence registration'),
               ('Соціальний захист', 'Social protection'),
               ('Транспорт', 'Transport')) as n(uk, en)
 where s.category_uk = n.uk
   and s.category_en = s.category_uk;
