/** Delivered courses (배달강좌): a group of residents asks for a class at their place and time; the city matches an instructor and approves. */
import type { AppModule } from '../index.ts';
import { registerDeliveredCourseRoutes } from './delivered-courses.routes.ts';

export const deliveredCourses = {
  name: 'delivered-courses',
  register: registerDeliveredCourseRoutes,
} satisfies AppModule;
