// World regions, seas, mountain ranges, contested and autonomous territories, the states and
// provinces most often in the news, and landmarks that stand for governments: "Name|other names|adjectives".
export const REGIONS = `
Africa||
Asia||
Europe||
North America||
South America||
Latin America||
Central America||
Oceania||
Antarctica||Antarctic
Arctic||
Middle East|Mideast|Middle Eastern
Near East||
Far East||
Central Asia||Central Asian
South Asia||South Asian
Southeast Asia|South-East Asia|Southeast Asian
East Asia||East Asian
Asia-Pacific|Asia Pacific|
Eurasia||
Western Europe||
Eastern Europe||Eastern European
Central Europe||Central European
Northern Europe||
Southern Europe||
Scandinavia||
Balkans|Western Balkans|
Baltics|Baltic states|
Caucasus||
South Caucasus|Transcaucasia|
North Caucasus||North Caucasian
Caribbean||
Sahel||
Maghreb||Maghrebi
Horn of Africa||
Sub-Saharan Africa||
West Africa||West African
East Africa||East African
North Africa||North African
Southern Africa||
Central Africa||
Persian Gulf|Arabian Gulf|
Arabian Peninsula||
Levant||Levantine
Siberia||
Indochina||
Kurdistan|Iraqi Kurdistan|
Pacific|Pacific Ocean|
Atlantic|Atlantic Ocean|
Indian Ocean||
Mediterranean|Mediterranean Sea|
Black Sea||
Caspian Sea|Caspian|
Baltic Sea||
North Sea||
Red Sea||
Aegean Sea|Aegean|
Adriatic Sea|Adriatic|
South China Sea||
East China Sea||
Sea of Azov||
Strait of Hormuz||
Bosphorus||
Suez Canal||
Panama Canal||
English Channel||
Himalayas||Himalayan
Alps||Alpine
Andes||Andean
Urals|Ural Mountains|
Sahara||Saharan
Nile||
Danube||
Dnieper|Dnipro River|
Volga||
Rhine||
Euphrates||
Nagorno-Karabakh|Karabakh,Nagorno Karabakh,Artsakh|
Crimea|Crimean Peninsula|
Donbas|Donbass|
Abkhazia||
South Ossetia||
Transnistria||
Kashmir|Jammu and Kashmir|Kashmiri
Tibet||Tibetan
Xinjiang||
Gaza|Gaza Strip|Gazan,Gazans
West Bank||
East Jerusalem||
Golan Heights|Golan|
Sinai|Sinai Peninsula|
Darfur||
Tigray||Tigrayan
Chechnya||
Dagestan||
Catalonia||
Flanders||
Quebec||
Ontario||
British Columbia||
Alberta||
Bavaria||Bavarian
Punjab||
Balochistan|Baluchistan|
Kurdistan Region||
Soviet Union|USSR|
Yugoslavia||
Silicon Valley||
Wall Street||
Kremlin||
White House||
Pentagon||
Downing Street||
Capitol Hill||
`;

// States of the United States, with the abbreviations of AP style that datelines use ("Springfield, Ill.").
export const US_STATES = `
Alabama|Ala.|Alaska||Arizona|Ariz.|Arkansas|Ark.|California|Calif.|Colorado|Colo.|Connecticut|Conn.|Delaware|Del.
Florida|Fla.|Georgia|Ga.|Hawaii||Idaho||Illinois|Ill.|Indiana|Ind.|Iowa||Kansas|Kan.|Kentucky|Ky.|Louisiana|La.
Maine||Maryland|Md.|Massachusetts|Mass.|Michigan|Mich.|Minnesota|Minn.|Mississippi||Missouri|Mo.|Montana|Mont.
Nebraska|Neb.|Nevada|Nev.|New Hampshire|N.H.|New Jersey|N.J.|New Mexico|N.M.|New York State|N.Y.|North Carolina|N.C.
North Dakota|N.D.|Ohio||Oklahoma|Okla.|Oregon|Ore.|Pennsylvania|Pa.|Rhode Island|R.I.|South Carolina|S.C.
South Dakota|S.D.|Tennessee|Tenn.|Texas||Utah||Vermont|Vt.|Virginia|Va.|Washington State|Wash.|West Virginia|W.Va.
Wisconsin|Wis.|Wyoming|Wyo.|District of Columbia|D.C.
`;

// Capitals and the largest cities of every continent, as spelled in English-language news.
export const CITIES = `
Abu Dhabi|Abuja|Accra|Addis Ababa|Ahmedabad|Aleppo|Algiers|Almaty|Amman|Amsterdam|Ankara|Antananarivo|Astana|Asuncion
Athens|Atlanta|Auckland|Baghdad|Baku|Bamako|Bangalore|Bengaluru|Bangkok|Bangui|Barcelona|Basra|Beijing|Beirut|Belgrade
Belfast|Berlin|Bern|Birmingham|Bishkek|Bogota|Boston|Brasilia|Bratislava|Brazzaville|Brisbane|Brussels|Bucharest
Budapest|Buenos Aires|Bujumbura|Busan|Cairo|Calgary|Canberra|Cape Town|Caracas|Casablanca|Chennai|Chicago|Chisinau
Colombo|Conakry|Copenhagen|Dakar|Dallas|Damascus|Dar es Salaam|Denver|Detroit|Dhaka|Doha|Donetsk|Dubai|Dublin|Dushanbe
Durban|Edinburgh|Frankfurt|Freetown|Gaborone|Geneva|Glasgow|Guangzhou|Guatemala City|Gyumri|Hamburg|Hanoi|Harare
Havana|Helsinki|Ho Chi Minh City|Hong Kong|Houston|Hyderabad|Islamabad|Istanbul|Izmir|Jakarta|Jeddah|Jerusalem
Johannesburg|Juba|Kabul|Kampala|Kandahar|Karachi|Kathmandu|Khartoum|Kharkiv|Kherson|Kigali|Kingston|Kinshasa|Kyiv|Kiev
Kolkata|Calcutta|Kuala Lumpur|Kuwait City|Lagos|Lahore|La Paz|Las Vegas|Libreville|Lilongwe|Lima|Lisbon|Ljubljana
Lome|London|Los Angeles|Luanda|Luhansk|Lusaka|Luxembourg City|Lviv|Lyon|Madrid|Malabo|Managua|Manama|Manchester
Manila|Maputo|Marseille|Mecca|Medina|Melbourne|Mexico City|Miami|Milan|Minsk|Mogadishu|Monrovia|Montevideo|Montreal
Moscow|Mosul|Mumbai|Bombay|Munich|Muscat|Nairobi|Naples|Nashville|Naypyidaw|N'Djamena|New Delhi|Delhi|New Orleans
New York|New York City|Niamey|Nicosia|Nouakchott|Novosibirsk|Odesa|Odessa|Osaka|Oslo|Ottawa|Ouagadougou|Panama City
Paris|Perth|Philadelphia|Phnom Penh|Podgorica|Port-au-Prince|Port Moresby|Porto|Prague|Pretoria|Pristina|Pune
Pyongyang|Quito|Rabat|Raqqa|Reykjavik|Riga|Rio de Janeiro|Riyadh|Rome|Rotterdam|Saint Petersburg|St. Petersburg
San Francisco|San Jose|San Salvador|Sanaa|Santiago|Santo Domingo|Sao Paulo|Sarajevo|Seattle|Seoul|Shanghai|Shenzhen
Singapore|Skopje|Sochi|Sofia|Stepanakert|Stockholm|Sydney|Taipei|Tallinn|Tashkent|Tbilisi|Tegucigalpa|Tehran|Tel Aviv
Tirana|Tokyo|Toronto|Tripoli|Tunis|Turin|Ulaanbaatar|Valletta|Vancouver|Venice|Vienna|Vientiane|Vilnius|Vladivostok
Warsaw|Washington|Wellington|Windhoek|Wuhan|Yaounde|Yangon|Yekaterinburg|Yerevan|Zagreb|Zurich|Chennai|Karachi
Kazan|Nizhny Novgorod|Samara|Rostov-on-Don|Krasnodar|Volgograd|Kaliningrad|Murmansk|Irkutsk|Khabarovsk|Grozny
Mariupol|Bakhmut|Zaporizhzhia|Dnipro|Sevastopol|Simferopol|Ganja|Sumgait|Batumi|Kutaisi|Osh|Khujand|Samarkand
Bukhara|Ashgabat|Shymkent|Karaganda|Tabriz|Isfahan|Mashhad|Shiraz|Erbil|Kirkuk|Najaf|Karbala|Homs|Idlib|Latakia
Benghazi|Misrata|Alexandria|Giza|Luxor|Aswan|Haifa|Ramallah|Hebron|Nablus|Jenin|Rafah|Khan Younis|Aden|Hodeidah
Kandy|Chittagong|Kochi|Jaipur|Lucknow|Patna|Bhopal|Srinagar|Panaji|Bhubaneswar|Guwahati|Amritsar|Varanasi
Nagoya|Kyoto|Hiroshima|Fukushima|Sapporo|Incheon|Chongqing|Chengdu|Tianjin|Xi'an|Nanjing|Hangzhou|Lhasa|Urumqi
Macau|Kaohsiung|Cebu|Davao|Surabaya|Bali|Penang|Phuket|Chiang Mai|Mandalay|Da Nang|Auckland|Christchurch|Adelaide
Lagos|Kano|Ibadan|Mombasa|Kisumu|Goma|Lubumbashi|Benin City|Port Harcourt|Timbuktu|Marrakech|Fez|Tangier|Oran
Toronto|Montreal|Edmonton|Winnipeg|Halifax|Quebec City|San Diego|Austin|Baltimore|Pittsburgh|Cleveland
Minneapolis|Portland|Sacramento|Orlando|Tampa|Indianapolis|Milwaukee|Kansas City|St. Louis
Cincinnati|Anchorage|Honolulu|Guadalajara|Monterrey|Tijuana|Medellin|Cartagena|Guayaquil|Cordoba|Rosario
Valparaiso|Recife|Fortaleza|Belo Horizonte|Porto Alegre|Curitiba|Manaus|Montevideo|Leeds|Liverpool|Bristol
Sheffield|Newcastle|Cardiff|Oxford|Cambridge|Cologne|Stuttgart|Dusseldorf|Leipzig|Dresden|Hanover|Bremen|Nuremberg
Seville|Valencia|Bilbao|Malaga|Florence|Genoa|Bologna|Palermo|Toulouse|Bordeaux|Lille|Strasbourg|Nantes|Antwerp
Ghent|The Hague|Utrecht|Gothenburg|Malmo|Bergen|Krakow|Gdansk|Wroclaw|Poznan|Lodz|Brno|Salzburg|Graz|Innsbruck
Basel|Lausanne|Thessaloniki|Plovdiv|Varna|Cluj-Napoca|Timisoara|Iasi|Novi Sad|Dubrovnik|Mostar|Banja Luka
Davos|Munich|Hamburg|Strasbourg|Luxembourg|Monaco|Gibraltar|Minsk|Gomel|Brest|Tiraspol|Sukhumi|Tskhinvali|Shusha
`;
