// Sovereign states and a few widely reported territories: "Name|other names|demonyms and
// adjectives". The other names are matched as the same place; demonyms are never mentions.
export const COUNTRIES = `
Afghanistan||Afghan,Afghans,Afghani
Albania||Albanian,Albanians
Algeria||Algerian,Algerians
Andorra||Andorran
Angola||Angolan,Angolans
Antigua and Barbuda||Antiguan
Argentina||Argentine,Argentinian,Argentines,Argentinians
Armenia||Armenian,Armenians
Australia||Australian,Australians,Aussie
Austria||Austrian,Austrians
Azerbaijan||Azerbaijani,Azerbaijanis,Azeri,Azeris
Bahamas|The Bahamas|Bahamian
Bahrain||Bahraini,Bahrainis
Bangladesh||Bangladeshi,Bangladeshis
Barbados||Barbadian
Belarus||Belarusian,Belarusians,Belarussian
Belgium||Belgian,Belgians
Belize||Belizean
Benin||Beninese
Bhutan||Bhutanese
Bolivia||Bolivian,Bolivians
Bosnia and Herzegovina|Bosnia,Bosnia-Herzegovina|Bosnian,Bosnians,Herzegovinian
Botswana||Motswana,Batswana
Brazil||Brazilian,Brazilians
Brunei||Bruneian
Bulgaria||Bulgarian,Bulgarians
Burkina Faso||Burkinabe
Burundi||Burundian
Cambodia||Cambodian,Cambodians
Cameroon||Cameroonian,Cameroonians
Canada||Canadian,Canadians
Cape Verde|Cabo Verde|Cape Verdean
Central African Republic||
Chad||Chadian,Chadians
Chile||Chilean,Chileans
China|People's Republic of China,PRC|Chinese
Colombia||Colombian,Colombians
Comoros||Comorian
Congo|Republic of the Congo,Congo-Brazzaville|Congolese
Democratic Republic of the Congo|DR Congo,DRC,Congo-Kinshasa|
Costa Rica||Costa Rican,Costa Ricans
Croatia||Croatian,Croatians,Croat,Croats
Cuba||Cuban,Cubans
Cyprus||Cypriot,Cypriots
Czech Republic|Czechia|Czech,Czechs
Denmark||Danish,Dane,Danes
Djibouti||Djiboutian
Dominica||Dominican
Dominican Republic||Dominicans
Ecuador||Ecuadorian,Ecuadorians
Egypt||Egyptian,Egyptians
El Salvador||Salvadoran,Salvadorans,Salvadorian
Equatorial Guinea||Equatoguinean
Eritrea||Eritrean,Eritreans
Estonia||Estonian,Estonians
Eswatini|Swaziland|Swazi
Ethiopia||Ethiopian,Ethiopians
Fiji||Fijian,Fijians
Finland||Finnish,Finn,Finns
France||French,Frenchman,Frenchwoman
Gabon||Gabonese
Gambia|The Gambia|Gambian
Georgia||Georgian,Georgians
Germany||German,Germans
Ghana||Ghanaian,Ghanaians
Greece||Greek,Greeks,Hellenic
Grenada||Grenadian
Guatemala||Guatemalan,Guatemalans
Guinea||Guinean,Guineans
Guinea-Bissau||Bissau-Guinean
Guyana||Guyanese
Haiti||Haitian,Haitians
Honduras||Honduran,Hondurans
Hungary||Hungarian,Hungarians
Iceland||Icelandic,Icelander,Icelanders
India||Indian,Indians
Indonesia||Indonesian,Indonesians
Iran||Iranian,Iranians,Persian,Persians
Iraq||Iraqi,Iraqis
Ireland|Republic of Ireland,Eire|Irish,Irishman
Israel||Israeli,Israelis
Italy||Italian,Italians
Ivory Coast|Cote d'Ivoire|Ivorian,Ivorians
Jamaica||Jamaican,Jamaicans
Japan||Japanese
Jordan||Jordanian,Jordanians
Kazakhstan||Kazakh,Kazakhs,Kazakhstani
Kenya||Kenyan,Kenyans
Kiribati||I-Kiribati
Kosovo||Kosovar,Kosovars,Kosovan
Kuwait||Kuwaiti,Kuwaitis
Kyrgyzstan|Kirghizia|Kyrgyz,Kirghiz
Laos||Lao,Laotian,Laotians
Latvia||Latvian,Latvians
Lebanon||Lebanese
Lesotho||Basotho,Mosotho
Liberia||Liberian,Liberians
Libya||Libyan,Libyans
Liechtenstein||Liechtensteiner
Lithuania||Lithuanian,Lithuanians
Luxembourg||Luxembourgish,Luxembourger
Madagascar||Malagasy
Malawi||Malawian,Malawians
Malaysia||Malaysian,Malaysians
Maldives||Maldivian
Mali||Malian,Malians
Malta||Maltese
Marshall Islands||Marshallese
Mauritania||Mauritanian
Mauritius||Mauritian
Mexico||Mexican,Mexicans
Micronesia||Micronesian
Moldova||Moldovan,Moldovans
Monaco||Monegasque
Mongolia||Mongolian,Mongolians,Mongol
Montenegro||Montenegrin,Montenegrins
Morocco||Moroccan,Moroccans
Mozambique||Mozambican,Mozambicans
Myanmar|Burma|Burmese,Myanmarese
Namibia||Namibian,Namibians
Nauru||Nauruan
Nepal||Nepali,Nepalese
Netherlands|The Netherlands,Holland|Dutch,Dutchman
New Zealand||New Zealander,New Zealanders,Kiwi,Kiwis
Nicaragua||Nicaraguan,Nicaraguans
Niger||Nigerien
Nigeria||Nigerian,Nigerians
North Korea|Democratic People's Republic of Korea,DPRK|North Korean,North Koreans
North Macedonia|Macedonia|Macedonian,Macedonians
Norway||Norwegian,Norwegians
Oman||Omani,Omanis
Pakistan||Pakistani,Pakistanis
Palau||Palauan
Palestine|Palestinian territories|Palestinian,Palestinians
Panama||Panamanian,Panamanians
Papua New Guinea||Papua New Guinean
Paraguay||Paraguayan,Paraguayans
Peru||Peruvian,Peruvians
Philippines|The Philippines|Filipino,Filipinos,Filipina,Philippine
Poland||Polish,Pole,Poles
Portugal||Portuguese
Qatar||Qatari,Qataris
Romania||Romanian,Romanians
Russia|Russian Federation|Russian,Russians
Rwanda||Rwandan,Rwandans
Saint Kitts and Nevis||Kittitian
Saint Lucia||Saint Lucian
Saint Vincent and the Grenadines||Vincentian
Samoa||Samoan,Samoans
San Marino||Sammarinese
Sao Tome and Principe||Santomean
Saudi Arabia||Saudi,Saudis,Saudi Arabian
Senegal||Senegalese
Serbia||Serbian,Serbians,Serb,Serbs
Seychelles||Seychellois
Sierra Leone||Sierra Leonean
Singapore||Singaporean,Singaporeans
Slovakia||Slovak,Slovaks,Slovakian
Slovenia||Slovenian,Slovene,Slovenes
Solomon Islands||Solomon Islander
Somalia||Somali,Somalis
South Africa||South African,South Africans
South Korea|Republic of Korea,ROK|South Korean,South Koreans,Korean,Koreans
South Sudan||South Sudanese
Spain||Spanish,Spaniard,Spaniards
Sri Lanka||Sri Lankan,Sri Lankans
Sudan||Sudanese
Suriname||Surinamese
Sweden||Swedish,Swede,Swedes
Switzerland||Swiss
Syria||Syrian,Syrians
Taiwan||Taiwanese
Tajikistan||Tajik,Tajiks,Tajikistani
Tanzania||Tanzanian,Tanzanians
Thailand||Thai,Thais
Timor-Leste|East Timor|Timorese
Togo||Togolese
Tonga||Tongan
Trinidad and Tobago||Trinidadian,Tobagonian
Tunisia||Tunisian,Tunisians
Turkey|Turkiye,Türkiye|Turkish,Turk,Turks
Turkmenistan||Turkmen
Tuvalu||Tuvaluan
Uganda||Ugandan,Ugandans
Ukraine||Ukrainian,Ukrainians
United Arab Emirates|UAE|Emirati,Emiratis
United Kingdom|UK,U.K.,Britain,Great Britain|British,Briton,Britons,Brit,Brits
United States|US,U.S.,USA,U.S.A.,United States of America,America|American,Americans
Uruguay||Uruguayan,Uruguayans
Uzbekistan||Uzbek,Uzbeks
Vanuatu||Ni-Vanuatu
Vatican|Vatican City,Holy See|
Venezuela||Venezuelan,Venezuelans
Vietnam|Viet Nam|Vietnamese
Yemen||Yemeni,Yemenis
Zambia||Zambian,Zambians
Zimbabwe||Zimbabwean,Zimbabweans
England||English,Englishman,Englishwoman
Scotland||Scottish,Scot,Scots
Wales||Welsh,Welshman
Northern Ireland||Northern Irish
Greenland||Greenlandic,Greenlander
Hong Kong||Hongkonger
Macau|Macao|Macanese
Puerto Rico||Puerto Rican,Puerto Ricans
Western Sahara||Sahrawi,Sahrawis
`;

// Adjectives of peoples, regions, languages and political camps that belong to no single country above.
export const OTHER_DEMONYMS = `
African Asian European Arab Arabs Arabic Latin Latino Latina Hispanic Caucasian Slavic Slav Slavs Baltic Nordic
Scandinavian Balkan Mediterranean Soviet Kurdish Kurd Kurds Pashtun Tamil Sikh Hindu Muslim Christian
Jewish Catholic Orthodox Protestant Sunni Shia Shiite Buddhist Chechen Tatar Uyghur Uighur Berber Bedouin Roma Yazidi
Hebrew Mandarin Cantonese Hindi Urdu Farsi Swahili Bengali Punjabi Gujarati Marathi Malayalam Kannada Telugu Sinhala
Anglo Franco Sino Indo Euro Afro Pan Californian Texan Floridian Siberian Crimean Abkhaz Ossetian Transcaucasian
Soviet-era Post-Soviet Eurasian Anglophone Francophone Yiddish Basque Catalan Flemish Walloon Tory Republican
Democratic Conservative Liberal Socialist Communist Islamist Jihadist Zionist Maoist Marxist Nazi Bolshevik
`;
