/** Word lists for the labelled-data generator: common French surnames, trades with their NAF code, brand syllables. */
export const SURNAMES =
  `Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia David
Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet François Martinez Legrand Garnier
Faure Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez Fontaine
Chevalier Robin Masson Sanchez Gérard Nguyen Boyer Denis Lemaire Duval Joly Gautier Roger Roche Roy Noël Meyer Lucas
Meunier Jean Perez Marchand Dufour Blanchard Marie Barbier Brun Dumas Brunet Schmitt Leroux Colin Fernandez Pierre
Renard Arnaud Rolland Caron Aubert Giraud Leclerc Vidal Bourgeois Renaud Lemoine Picard Gaillard Philippe Leclercq
Lacroix Fabre Dupuis Olivier Rodriguez Hubert Louis Charles Guillot Rivière Guillaume Adam Rey Moulin Gonzalez
Berger Lecomte Ménard Fleury Deschamps Carpentier Julien Benoît Maillard Marchal Aubry Vasseur Renault Jacquet Collet
Prévost Poirier Charpentier Royer Huet Baron Dupuy Pons Paul Laine Carré Breton Rémy Schneider Perrot Guyot Barre
Marty Cousin Bouvier Bailly Herve Colas Chauvin Lebrun Gilbert Leblanc Besson Lemaire Hamon Bonnin Tessier Pichon
Ferrand Lebon Hoarau Camus Bousquet Legros Texier Cordier Boucher Rossi Ollivier Benard Klein Poulain Lejeune Hardy
Maréchal Jacob Bertin Carlier Lagarde Millet Gomez Antoine Lacombe Hebert Bailleul Delmas Boulanger Leduc Mallet
Chauvet Tanguy Buisson Pasquier Baudry Bouchet Langlois Cohen Guichard Leveque Delaunay Tournier Pelletier Salaün
Haddad Benali Diallo Traoré Mendes Ferreira Pereira Kaya Yilmaz Cissé Ouedraogo Benhamou Bouzid Mansouri Saïdi`
    .split(/\s+/)
    .filter(Boolean);

export const FIRST_NAMES =
  `Jean Pierre Marie Nathalie Isabelle Sylvie Catherine Philippe Michel Alain Patrick Nicolas Christophe Stéphane
Sandrine Valérie Laurent Frédéric Céline Julien Sébastien Aurélie Émilie Thomas Camille Léa Hugo Lucas Manon Chloé
Karim Sofiane Fatima Nadia Mohamed Yasmine Mehdi Inès Jean-Pierre Marie-Claire Anne-Sophie Jean-Marc Pascal Éric
Olivier Véronique Hélène Françoise Didier Thierry Bruno Gilles Delphine Caroline Virginie Agnès Damien Jérôme Cédric
Fabrice Mathilde Pauline Margaux Antoine Romain Maxime Kevin Audrey Élodie Samira Rachid Malik Aïcha Ophélie Gaëlle`
    .split(/\s+/)
    .filter(Boolean);

export interface Trade {
  label: string;
  naf: string;
  /** Ways an SIAE shortens the trade word. */
  abbreviations: string[];
}

export const TRADES: Trade[] = [
  { label: 'Transports', naf: '4941A', abbreviations: ['Transp.', 'Tpts', 'Trans.'] },
  { label: 'Boulangerie', naf: '1071C', abbreviations: ['Boulang.'] },
  { label: 'Boucherie', naf: '4722Z', abbreviations: [] },
  { label: 'Nettoyage', naf: '8121Z', abbreviations: ['Nett.'] },
  { label: 'Garage', naf: '4520A', abbreviations: [] },
  { label: 'Restaurant', naf: '5610A', abbreviations: ['Resto', 'Restau.'] },
  { label: 'Hôtel', naf: '5510Z', abbreviations: [] },
  { label: 'Maçonnerie', naf: '4399C', abbreviations: ['Maçonn.'] },
  { label: 'Plomberie', naf: '4322A', abbreviations: ['Plomb.'] },
  { label: 'Électricité', naf: '4321A', abbreviations: ['Elec.', 'Électr.'] },
  { label: 'Menuiserie', naf: '4332A', abbreviations: ['Menuis.'] },
  { label: 'Peinture', naf: '4334Z', abbreviations: ['Peint.'] },
  { label: 'Espaces Verts', naf: '8130Z', abbreviations: [] },
  { label: 'Logistique', naf: '5210B', abbreviations: ['Log.', 'Logist.'] },
  { label: 'Imprimerie', naf: '1812Z', abbreviations: [] },
  { label: 'Supermarché', naf: '4711D', abbreviations: [] },
  { label: 'Pharmacie', naf: '4773Z', abbreviations: ['Pharm.'] },
  { label: 'Coiffure', naf: '9602A', abbreviations: [] },
  { label: 'Informatique', naf: '6202A', abbreviations: [] },
  { label: 'Intérim', naf: '7820Z', abbreviations: [] },
  { label: 'Blanchisserie', naf: '9601A', abbreviations: [] },
  { label: 'Recyclage', naf: '3832Z', abbreviations: [] },
  { label: 'Sécurité', naf: '8010Z', abbreviations: [] },
  { label: 'Aide à Domicile', naf: '8810A', abbreviations: [] },
  { label: 'Traiteur', naf: '5621Z', abbreviations: [] },
  { label: 'Travaux Publics', naf: '4211Z', abbreviations: ['TP', 'Trav. Publics'] },
  { label: 'Couverture', naf: '4391B', abbreviations: ['Couv.'] },
  { label: 'Déménagement', naf: '4942Z', abbreviations: [] },
  { label: 'Mécanique Industrielle', naf: '2562B', abbreviations: ['Mécan. Ind.', 'Méca Indus'] },
  { label: 'Distribution', naf: '4690Z', abbreviations: ['Distrib.', 'Dist.'] },
  { label: 'Bâtiment', naf: '4120B', abbreviations: ['Bât.', 'Bat'] },
  { label: 'Services', naf: '8110Z', abbreviations: ['Serv.'] },
  { label: 'Jardinerie', naf: '4776Z', abbreviations: [] },
  { label: 'Fromagerie', naf: '1051C', abbreviations: [] },
  { label: 'Carrosserie', naf: '4520A', abbreviations: ['Carross.'] },
];

export const PLACES = [
  'Centre',
  'Gare',
  'Marché',
  'Port',
  'Parc',
  'Lac',
  'Moulin',
  'Pont',
  'Château',
  'Vallée',
  'Plateau',
  'Rhône',
  'Soleil',
  'Forum',
  'Faubourg',
  'Village',
  'Canal',
  'Bourg',
  'Coteau',
  'Tilleul',
];

export const BRAND_HEADS = [
  'Eco',
  'Bati',
  'Proxi',
  'Nexa',
  'Vital',
  'Azur',
  'Alpha',
  'Cap',
  'Hori',
  'Tech',
  'Eco',
  'Net',
  'Green',
  'Atlan',
  'Medi',
  'Sud',
  'Nord',
  'Ouest',
  'Terra',
  'Urba',
  'Logi',
  'Agri',
  'Multi',
  'Inter',
  'Omni',
  'Clean',
  'Euro',
  'Bio',
  'Aqua',
  'Ferro',
  'Volt',
  'Dyna',
  'Pro',
  'Ingé',
  'Trans',
  'Solu',
  'Vita',
  'Arti',
  'Flexi',
  'Neo',
];
export const BRAND_TAILS = [
  'concept',
  'services',
  'plus',
  'pro',
  'line',
  'sys',
  'com',
  'via',
  'lia',
  'nova',
  'clean',
  'bat',
  'tec',
  'form',
  'log',
  'prest',
  'tel',
  'dis',
  'ia',
  'eo',
  'market',
  'habitat',
  'energie',
  'confort',
  'home',
];

export const STREET_TYPES = [
  ['rue', 'r.', 'Rue'],
  ['avenue', 'av.', 'Av'],
  ['boulevard', 'bd', 'Bd'],
  ['chemin', 'ch.', 'Chem.'],
  ['route', 'rte', 'Rte'],
  ['allée', 'all.', 'Allée'],
  ['place', 'pl.', 'Pl'],
  ['impasse', 'imp.', 'Imp'],
  ['quai', 'quai', 'Quai'],
];
export const STREET_NAMES = [
  'de la République',
  'Victor Hugo',
  'Jean Jaurès',
  'du Général de Gaulle',
  'Pasteur',
  'de la Gare',
  'des Lilas',
  'Gambetta',
  'Jules Ferry',
  'de Paris',
  'du Stade',
  'des Acacias',
  'Émile Zola',
  'de Verdun',
  'Carnot',
  'de la Liberté',
  'Voltaire',
  'des Écoles',
  'du Moulin',
  'Saint-Exupéry',
  'Marcel Pagnol',
  'des Tilleuls',
  'de Lyon',
  'Anatole France',
  'Paul Bert',
  'de la Paix',
  'Édouard Herriot',
  'des Vignes',
  'Jean Moulin',
  'Louis Pasteur',
  'du 8 Mai 1945',
  'Berthelot',
  'de Grande Bretagne',
  'des Frères Lumière',
  'Ampère',
  'Condorcet',
  "de l'Industrie",
  'des Artisans',
  'du Commerce',
  'de la Mairie',
  'Saint-Jean',
  'Sainte-Anne',
  'Mozart',
  'Debussy',
  'Lamartine',
];

export const LEGAL_FORMS = ['SARL', 'SAS', 'SASU', 'EURL', 'SA', 'SCOP', 'Association', 'SNC', 'SCIC'];
