// News agencies and broadcasters that datelines and attributions name, international bodies,
// parliaments known by a one-word name, and armed and political movements: "Name|other names".
// Anything else is found by the patterns, not listed.
export const ORGANIZATIONS = `
Reuters|Thomson Reuters
Associated Press|AP
Agence France-Presse|AFP,Agence France Presse
Bloomberg|Bloomberg News
United Press International|UPI
Deutsche Presse-Agentur|DPA,dpa
ANSA
EFE
Kyodo|Kyodo News
Jiji Press|Jiji
Yonhap|Yonhap News Agency
Xinhua|Xinhua News Agency
Press Trust of India|PTI
Indo-Asian News Service|IANS
Asian News International|ANI
TASS
ITAR-TASS
RIA Novosti|RIA
Interfax
Sputnik
Anadolu|Anadolu Agency
IRNA
Ukrinform
UNIAN
BelTA
Kazinform
Armenpress
APA
Trend News Agency
Agenzia Nova
Al Jazeera
Al Arabiya
BBC|British Broadcasting Corporation
CNN
Sky News
Fox News
NBC|NBC News
CBS|CBS News
ABC News
NPR
Euronews
Deutsche Welle|DW
France 24
RT|Russia Today
CCTV
United Nations|UN,U.N.
UN Security Council|United Nations Security Council,U.N. Security Council
UN General Assembly|United Nations General Assembly
European Union|EU,E.U.
European Commission
European Parliament
European Central Bank|ECB
North Atlantic Treaty Organization|NATO,Nato
World Health Organization|WHO
International Monetary Fund|IMF
World Bank
World Trade Organization|WTO
Organization of the Petroleum Exporting Countries|OPEC,OPEC+
Organization for Security and Co-operation in Europe|OSCE
Council of Europe
African Union|AU
Association of Southeast Asian Nations|ASEAN
Commonwealth of Independent States|CIS
Shanghai Cooperation Organisation|SCO
Eurasian Economic Union|EAEU
Group of Seven|G7,G-7
Group of 20|G20,G-20
BRICS
Arab League
Gulf Cooperation Council|GCC
International Atomic Energy Agency|IAEA
International Criminal Court|ICC
International Court of Justice|ICJ
International Committee of the Red Cross|ICRC,Red Cross
UNESCO
UNICEF
UNHCR
Amnesty International
Human Rights Watch
Greenpeace
FIFA
UEFA
International Olympic Committee|IOC
Federal Reserve|Fed
Senate|US Senate,U.S. Senate
Congress|US Congress,U.S. Congress
House of Commons
House of Lords
Knesset
State Duma|Duma
Bundestag
Bundesrat
Verkhovna Rada|Rada
Sejm
Lok Sabha
Rajya Sabha
Majlis
Interpol
Europol
Hamas
Hezbollah
Taliban
Islamic State|ISIS,ISIL
al-Qaeda|al Qaeda,Al-Qaeda,Al Qaeda
Houthis|Houthi movement,Ansar Allah
Boko Haram
al-Shabab|al-Shabaab,Al-Shabaab
Wagner Group|Wagner
Kurdistan Workers' Party|PKK
Muslim Brotherhood
`;
