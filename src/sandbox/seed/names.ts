// Name pools for generated directory objects. Common given names and surnames across several
// languages, so lists, searches and sorting look like a real multinational directory.

export const GIVEN_NAMES = [
  'Adele', 'Alex', 'Amara', 'Ana', 'Arjun', 'Astrid', 'Ben', 'Bianca', 'Carlos', 'Chen', 'Chloe', 'Daniel', 'Diego', 'Elena',
  'Emma', 'Fatima', 'Felix', 'Grace', 'Hana', 'Hugo', 'Ines', 'Isaac', 'Jana', 'Jonas', 'Julia', 'Kai', 'Karin', 'Kenji',
  'Lara', 'Leo', 'Lina', 'Lucas', 'Maja', 'Marco', 'Maria', 'Mateo', 'Mei', 'Mia', 'Nadia', 'Nina', 'Noah', 'Olga', 'Omar',
  'Oscar', 'Priya', 'Rafael', 'Rosa', 'Ruth', 'Samir', 'Sara', 'Sofia', 'Stefan', 'Tariq', 'Tomas', 'Una', 'Valeria',
  'Victor', 'Wei', 'Yara', 'Yusuf', 'Zoe', 'Ahmed', 'Beatriz', 'Chiara', 'Dmitri', 'Erik', 'Freya', 'Giulia', 'Henrik',
];

export const SURNAMES = [
  'Abbott', 'Alvarez', 'Andersen', 'Bauer', 'Becker', 'Brooks', 'Campbell', 'Chen', 'Costa', 'Dubois', 'Edwards', 'Eriksson',
  'Fischer', 'Garcia', 'Gonzalez', 'Hansen', 'Hughes', 'Ito', 'Jensen', 'Johansson', 'Kaur', 'Khan', 'Kim', 'Kowalski',
  'Larsen', 'Lee', 'Lopez', 'Martin', 'Meyer', 'Moreau', 'Murphy', 'Nakamura', 'Nguyen', 'Novak', 'Okafor', 'Olsen',
  'Patel', 'Perez', 'Petrov', 'Quinn', 'Rossi', 'Santos', 'Schmidt', 'Silva', 'Singh', 'Sato', 'Tanaka', 'Thompson',
  'Turner', 'Vargas', 'Walker', 'Wang', 'Weber', 'Wilson', 'Yamamoto', 'Young', 'Zhang', 'Ahmed', 'Baker', 'Clarke',
];

export const DEPARTMENTS = ['Sales', 'Marketing', 'Finance', 'Engineering', 'Human Resources', 'Legal', 'Operations', 'Customer Support', 'IT', 'Procurement', 'Research'];

export const JOB_TITLES: Readonly<Record<string, readonly string[]>> = {
  Sales: ['Account Executive', 'Sales Manager', 'Sales Representative', 'Regional Sales Director'],
  Marketing: ['Marketing Specialist', 'Brand Manager', 'Content Strategist', 'Marketing Director'],
  Finance: ['Financial Analyst', 'Accountant', 'Controller', 'Payroll Specialist'],
  Engineering: ['Software Engineer', 'Senior Software Engineer', 'Engineering Manager', 'Site Reliability Engineer'],
  'Human Resources': ['HR Generalist', 'Recruiter', 'HR Business Partner'],
  Legal: ['Corporate Counsel', 'Paralegal', 'Compliance Officer'],
  Operations: ['Operations Manager', 'Logistics Coordinator', 'Supply Chain Analyst'],
  'Customer Support': ['Support Engineer', 'Customer Success Manager', 'Support Team Lead'],
  IT: ['Systems Administrator', 'Identity Engineer', 'IT Support Specialist', 'Cloud Architect'],
  Procurement: ['Buyer', 'Procurement Manager', 'Vendor Manager'],
  Research: ['Research Scientist', 'Data Scientist', 'Research Lead'],
};

/** Company names for benchmark partners added with addPartners(). */
export const COMPANY_NAMES = [
  'Adatum', 'Alpine Ski House', 'Bellows College', 'Best For You Organics', 'Coho Winery', 'Consolidated Messenger', 'Datum',
  'Fourth Coffee', 'Graphic Design Institute', 'Humongous Insurance', 'Litware', 'Lucerne Publishing', 'Margie\'s Travel',
  'Nod Publishers', 'Proseware', 'Relecloud', 'School of Fine Art', 'Southridge Video', 'Trey Research', 'VanArsdel',
  'Wide World Importers', 'Wingtip Toys', 'World Wide Importers', 'Blue Yonder Airlines', 'City Power & Light',
];
