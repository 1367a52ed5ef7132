export {
  appointmentOffer,
  isBeforeCutoff,
  regionFor,
  type AppointmentDay,
  type AppointmentOffer,
  type AppointmentOfferInput,
  type CalendarRules,
} from "./appointment-offer";
